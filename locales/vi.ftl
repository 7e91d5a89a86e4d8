# Những gì Gazette nói, bằng tiếng Việt (mặc định; `language: vi` trong site.yaml). Cùng các
# thông điệp, cùng thứ tự với en.ftl.

## Nhãn của một dòng chẩn đoán: `lỗi: tệp:dòng:cột: nội dung`, rồi `gợi ý: …`.
label-error = lỗi
label-warning = cảnh báo
label-help = gợi ý
label-note = lưu ý
usage-unknown-argument = không có tùy chọn `{ $argument }`
usage-unknown-command = không có lệnh `{ $command }`
usage-invalid-value = `{ $value }` không phải giá trị dùng được cho `{ $argument }`
usage-missing-argument = thiếu { $argument }
usage-missing-value = `{ $argument }` cần một giá trị
usage-unreadable-value = `{ $value }` không phải giá trị dùng được cho `{ $argument }`: { $why ->
    [port] cổng là một số từ 0 đến 65535
    [address] địa chỉ viết như 127.0.0.1 hoặc ::1
   *[other] { $why }
}
help-usage-suggested = có phải là `{ $suggested }`?
help-usage-values = các giá trị dùng được: { $values }
help-usage = `gazette --help` liệt kê các lệnh, `gazette LỆNH --help` các tùy chọn của một lệnh
verbatim = { $text }

## Trợ giúp của dòng lệnh (`gazette --help`, `gazette LỆNH --help`)
cli = Dựng kho văn bản đã ban hành thành trang web tĩnh
cli-version = In phiên bản
cli-help-flag = In trợ giúp
cli-usage = Cách dùng
cli-options = Tùy chọn
cli-arguments = Đối số
cli-commands = Lệnh
cli-options-placeholder = TÙY CHỌN
cli-command-placeholder = LỆNH
cli-root = Thư mục gốc của kho, nơi có content/ và site.yaml [mặc định: thư mục hiện tại]
cli-build = Dựng kho vào thư mục đầu ra
cli-build-out = Thư mục đầu ra [mặc định: GỐC/output]
cli-build-drafts = Dựng cả các dự thảo (văn bản có `draft: true`)
cli-build-base_url = Địa chỉ gốc tuyệt đối của kho khi đưa lên mạng, ví dụ https://congbao.example.vn/
cli-build-timings = In thời gian của từng bước
cli-build-no_wait = Từ chối ngay, thay vì chờ, khi một lần dựng khác đang ghi vào cùng thư mục đầu ra
cli-build-full = Dựng lại toàn bộ, bỏ qua những gì lần dựng trước giữ lại trong thư mục đầu ra
cli-build-changes = Ghi vào TỆP các đường dẫn đầu ra được thêm (+), sửa (~) và xóa (-), mỗi dòng một đường dẫn
cli-clean = Xóa những gì lần dựng trước giữ lại trong thư mục đầu ra, để lần dựng sau dựng toàn bộ
cli-clean-out = Thư mục đầu ra [mặc định: GỐC/output]
cli-serve = Xem trước kho, tự tải lại trang khi nguồn thay đổi (có cả dự thảo)
cli-serve-bind = Địa chỉ lắng nghe; chỉ máy này (loopback), trừ khi muốn cho người khác xem bản xem trước [mặc định: 127.0.0.1]
cli-serve-port = Cổng; nếu cổng đang bận thì dùng cổng trống kế tiếp; 0 để chọn một cổng trống bất kỳ [mặc định: 8000]
cli-init = Tạo kho mới trong một thư mục mới hoặc trống: site.yaml, một văn bản mẫu, .gitignore
cli-init-dir = Thư mục của kho mới [mặc định: thư mục hiện tại]
cli-init-language = Ngôn ngữ của kho: vi hoặc en [mặc định: vi]
cli-new = Viết một dự thảo văn bản mới với số kế tiếp còn trống của một loại và một cơ quan ban hành, chép thông tin của cơ quan từ văn bản mới nhất của cơ quan đó
cli-new-type_code = Mã loại văn bản: TB, NQ, KH, CT, QĐ, ĐA, KL, BC, HD, CTr…
cli-new-issuer = Mã cơ quan ban hành như trong số văn bản: VPTU, TU, UBND…; phải có văn bản trong kho mang mã này
cli-new-issuer_name = Tên cơ quan ban hành, để bắt đầu một cơ quan chưa có văn bản nào
cli-new-title = Trích yếu của văn bản
cli-new-system = Cách đánh số: party, của Đảng (45-TB/VPTU), hoặc state, của Nhà nước (45/TB-UBND); mặc định: như các văn bản của cơ quan, với cơ quan mới thì theo tên hay mã của cơ quan (Ủy ban nhân dân, Sở, UBND: state)
cli-import = Nhập văn bản Word đã ký (.docx) thành văn bản Markdown trong content/
cli-import-files = Các tệp .docx, hoặc thư mục chứa chúng
cli-import-number = Số văn bản ghi thay cho số trong tài liệu, ví dụ 45-TB/VPTU (chỉ khi nhập một tệp)
cli-import-date = Ngày ghi thay cho ngày trong tài liệu, dạng YYYY-MM-DD (chỉ khi nhập một tệp)
cli-import-dry_run = In văn bản ra thay vì ghi tệp
cli-import-force = Ghi đè lên tệp văn bản đã có
cli-check = Kiểm tra kho mà không ghi gì
cli-check-format = Dạng báo cáo: text, từng dòng chữ, hoặc json, một tài liệu JSON [mặc định: text]
cli-check-drafts = Kiểm tra cả dự thảo, như bản xem trước hiển thị
cli-check-outside = Liệt kê các trích dẫn văn bản ngoài kho (của `external_issuers`)
cli-help = In trợ giúp của gazette, hoặc của một lệnh
cli-help-command = Lệnh cần xem trợ giúp
cli-value-root = GỐC
cli-value-out = THƯ_MỤC
cli-value-base_url = URL
cli-value-changes = TỆP
cli-value-bind = ĐỊA_CHỈ
cli-value-port = CỔNG
cli-value-dir = THƯ_MỤC
cli-value-language = NGÔN_NGỮ
cli-value-type_code = MÃ_LOẠI
cli-value-issuer = MÃ_CƠ_QUAN
cli-value-issuer_name = TÊN
cli-value-title = TRÍCH_YẾU
cli-value-system = CÁCH_ĐÁNH_SỐ
cli-value-files = TỆP
cli-value-number = SỐ
cli-value-date = NGÀY
cli-value-format = DẠNG
cli-value-command = LỆNH

## Đọc tệp
cannot-read = không đọc được tệp: { $kind ->
    [not-found] không có tệp hoặc thư mục này
    [permission-denied] không có quyền
    [not-a-folder] một phần của đường dẫn không phải là thư mục
    [is-a-folder] đó là một thư mục
   *[other] { $error }
}
cannot-write = không ghi được tệp: { $error }
not-utf8-wide = tệp được lưu theo mã { $encoding }, không phải UTF-8
not-utf8 = tệp không phải UTF-8: byte { $byte } không hợp lệ ở vị trí byte { $offset }
help-save-as-utf8 = lưu lại tệp theo mã UTF-8 (trong Word hoặc Notepad: Lưu thành, chọn mã Unicode UTF-8)
control-characters = đã bỏ ký tự điều khiển { $code }{ $others ->
    [0] {""}
   *[other] {" "}và { $others } ký tự khác
}: trang và nguồn tin không được chứa ký tự này
help-control-characters = ký tự này thường đến từ văn bản dán từ chương trình khác; hãy xóa nó khỏi tệp
no-content-folder = không có thư mục content
help-no-content-folder = tạo thư mục content/ và đặt mỗi văn bản vào một tệp Markdown trong đó
symlink-outside = liên kết tượng trưng trỏ ra ngoài kho văn bản; bỏ qua
symlink-folder = liên kết tượng trưng đến một thư mục không được theo; bỏ qua: đặt chính các tệp vào { $folder }/
symlink-broken = không theo được liên kết tượng trưng ({ $kind ->
    [not-found] đích của nó không có
    [permission-denied] không có quyền
   *[other] { $error }
}); bỏ qua
no-temporary-file = không tạo được tệp tạm: { $error }
changed-while-building = tệp đã thay đổi trong khi đang dựng kho văn bản
help-build-again = hãy dựng lại

## Phần đầu (front-matter)
no-front-matter = thiếu phần đầu: văn bản mở đầu bằng một dòng `---`, các khóa, rồi một dòng `---` nữa
help-no-front-matter = bắt đầu tệp bằng ---, rồi number:, type:, title:, issuer:, date:, rồi ---
front-matter-unclosed = phần đầu mở bằng dòng `---` này nhưng không có dòng `---` nào đóng lại
help-front-matter-unclosed = thêm một dòng `---` sau khóa cuối cùng, trước nội dung văn bản
yaml-invalid = YAML không hợp lệ: { $detail }
yaml-duplicate-key = khóa `{ $key }` được viết hai lần, đây là lần thứ hai
help-yaml-duplicate-key = giữ lại một dòng `{ $key }`: mỗi khóa chỉ được viết một lần
yaml-not-a-mapping = cần các dòng `khóa: giá trị`, nhưng chỉ có một giá trị
help-yaml-not-a-mapping = mỗi dòng của phần đầu ghi một khóa, ví dụ `title: Kế hoạch …`
yaml-too-deep = các giá trị lồng nhau quá { $levels } cấp
help-yaml-too-deep = phần đầu chỉ chứa chữ, danh sách và bảng nhỏ: hãy bỏ các dấu ngoặc thừa
yaml-tab = dấu tab ở đầu dòng: YAML không thụt lề bằng tab
yaml-unclosed-quote = dấu nháy (" hoặc ') mở ở đây chưa được đóng đến hết phần đầu
help-yaml-unclosed-quote = đóng dấu nháy ở cuối giá trị, ví dụ title: "Về việc …"
yaml-unclosed-list = dấu `[` mở ở đây chưa được đóng bằng `]`
yaml-unclosed-map = dấu `{ "{" }` mở ở đây chưa được đóng bằng `{ "}" }`
yaml-colon = dấu `:` ở đây không được hiểu: một giá trị chứa `: `, hoặc một dòng thụt lề sai
yaml-bad-start = giá trị không được bắt đầu bằng ký tự này
help-yaml-bad-start = đặt giá trị trong ngoặc kép, ví dụ title: "@…"
yaml-not-a-key = dòng này không phải là `khóa: giá trị`
help-yaml-not-a-key = các mục của danh sách đứng dưới khóa của nó và thụt lề, ví dụ tags: rồi dòng   - cải cách
yaml-bad-escape = dấu `\` trong ngoặc kép mở đầu một ký tự đặc biệt không có
help-yaml-bad-escape = dùng ngoặc đơn ('…') cho giá trị có dấu `\`, hoặc viết `\\`
yaml-list-on-key-line = danh sách không được bắt đầu trên cùng dòng với khóa
yaml-not-a-list-item = dòng này nằm trong danh sách ở trên nhưng không phải một mục `- …`
yaml-no-colon = thiếu dấu `:` sau khóa
help-yaml-no-colon = viết `khóa: giá trị`, có dấu cách sau dấu hai chấm
yaml-duplicate-nested-key = khóa này được viết hai lần trong cùng một nhóm, đây là lần thứ hai
help-yaml-duplicate-nested-key = giữ lại một dòng: mỗi khóa chỉ được viết một lần trong một nhóm
help-yaml-tab = YAML chỉ thụt lề bằng dấu cách: hãy thay dấu tab bằng dấu cách
help-yaml-colon = giá trị có chứa `: ` phải đặt trong ngoặc kép, ví dụ title: "Về việc: …"; một khóa con thụt lề đúng bằng các khóa cùng cấp
help-yaml-bracket = giá trị bắt đầu bằng [ hoặc { "{" } phải đặt trong ngoặc kép, hoặc đóng ngoặc cho đủ
missing-key = thiếu khóa bắt buộc `{ $key }`
help-missing-key = thêm dòng `{ $key }:` vào phần đầu
blank-key = khóa bắt buộc `{ $key }` để trống
help-blank-key = ghi giá trị sau `{ $key }:`
key-passive-relation = khóa `{ $key }` không được dùng: quan hệ chỉ được ghi ở văn bản ban hành sau, bằng `{ $active }`
help-key-passive-relation = xóa `{ $key }` ở đây và ghi `{ $active }: [số văn bản này]` trong văn bản kia; trang văn bản này sẽ tự hiện quan hệ
tags-one-text = `tags` là một chủ đề duy nhất, `{ $text }`, vì không có dấu ngoặc vuông
help-tags-one-text = nếu là nhiều chủ đề, viết tags: [{ $list }]
index-name-marks = `{ $key }` viết là `{ $written }`: bỏ dấu ngoặc kép, dấu chấm quanh tên, thành `{ $name }`, để danh mục không tách làm hai
help-index-name-marks = viết không kèm dấu: { $name }
key-near-miss = khóa `{ $key }` không có trong danh sách; có phải là `{ $known }`?
help-key-near-miss = đổi tên thành `{ $known }`; viết như hiện nay, giá trị này không được dùng cho văn bản
help-key-near-miss-present = đã có `{ $known }`: xóa dòng `{ $key }`, hoặc chuyển giá trị của nó sang `{ $known }` nếu giá trị ấy mới đúng
key-must-be-text = `{ $key }` phải là chữ
key-must-be-bool = `{ $key }` phải là true hoặc false
key-must-be-list = `{ $key }` phải là một danh sách
key-must-be-text-list = `{ $key }` phải là danh sách các dòng chữ
not-a-date = `{ $key }` không phải là ngày: { $value }
help-date-format = viết ngày theo dạng YYYY-MM-DD: { $iso }
help-date-format-example = viết ngày theo dạng YYYY-MM-DD, ví dụ 2024-06-10
help-date-line-with-place = viết ngày theo dạng YYYY-MM-DD: { $iso }, và nơi ban hành ở dòng riêng: place: { $place }
date-too-early = ngày ban hành ở năm { $year }, có vẻ gõ nhầm
help-date-too-early = kiểm tra lại năm (viết đủ bốn chữ số): văn bản trong kho được ban hành từ năm { $earliest }
number-year-differs = số { $number } mang năm { $number_year }, còn ngày ban hành ở năm { $year }
help-number-year-differs = năm trong số là năm ban hành: sửa số hoặc ngày cho khớp
date-in-future = `{ $key }` là ngày { $date }, sau ngày hôm nay
help-date-in-future = kiểm tra lại năm: văn bản mang ngày được ký
expires-before-effective = `expires` ({ $expires }) trước `effective` ({ $effective }): văn bản hết hiệu lực trước khi có hiệu lực
help-expires-before-effective = kiểm tra lại một trong hai ngày, thường là năm
status-against-date = `{ $key }` là ngày { $date }, nên hôm nay văn bản { $key ->
    [expires] đã hết hiệu lực
   *[effective] { $status ->
        [not-yet-in-force] đã có hiệu lực
       *[other] chưa có hiệu lực
    }
}, nhưng `status` là { $status }: trang sẽ ghi { $shown ->
    [in-force] còn hiệu lực
    [partly-expired] hết hiệu lực một phần
    [not-yet-in-force] chưa có hiệu lực
   *[other] { $shown }
}
help-status-against-date = viết status: { $status }, hoặc sửa `{ $key }` nếu ngày ấy sai
not-a-number = `{ $text }` không phải là số, ký hiệu văn bản
help-not-a-number = viết như bản in: 45-TB/VPTU (văn bản của Đảng), 1234/QĐ-UBND hoặc 30/2020/NĐ-CP (văn bản nhà nước)
type-missing = thiếu `type` và mã loại trong số, ký hiệu không cho biết loại văn bản
help-type-missing = thêm một dòng như `type: Thông báo`
type-contradicts-code = `type: { $written }` không khớp với số, ký hiệu { $number }: mã { $code } là { $allowed }
help-type-contradicts-code = sửa loại văn bản hoặc số, ký hiệu: mã này chỉ dùng cho { $allowed }
bad-system = `system` phải là `party` hoặc `state`, không phải `{ $value }`
bad-status = không có hiệu lực nào tên `{ $value }`
help-bad-status = dùng in-force, partly-expired, expired hoặc not-yet-in-force
help-bad-status-named = `{ $value }` là `{ $code }`: viết status: { $code }
signer-needs-name = `signer` cần có `name`
signer-bad-shape = `signer` phải là một tên, hoặc một bảng có name, title và authority
signer-missing = văn bản chưa có người ký
help-signer-missing = thêm `signer:` với tên người ký văn bản
relation-not-a-number = `{ $written }` trong `{ $key }` không phải là số, ký hiệu văn bản
help-relation-not-a-number = viết số như 162-NQ/TU, 162-NQ/TU@2024 cho văn bản năm 2024, hoặc 162-NQ/TU (Điều 3) cho một phần của văn bản
no-body = văn bản không có nội dung

## site.yaml và giao diện
config-bad-language = `language` phải là `vi` hoặc `en`
config-bad-theme = `theme: { $value }` phải là tên một thư mục trong themes/, không có `/` hay `..`
config-bad-base-url = `base_url` phải là một địa chỉ đầy đủ, bắt đầu bằng https:// hoặc http://, không phải `{ $value }`
flag-bad-base-url = --base-url phải là một địa chỉ đầy đủ, bắt đầu bằng https:// hoặc http://, không phải `{ $value }`
bad-source-date-epoch = SOURCE_DATE_EPOCH phải là số giây kể từ 1970, không phải `{ $value }`
help-bad-source-date-epoch = bỏ biến này để lấy ngày hôm nay, hoặc đặt như: SOURCE_DATE_EPOCH=$(date +%s)
help-bad-base-url = ví dụ https://congbao.example.vn/ — không có địa chỉ thì bỏ trống để các liên kết là tương đối
config-bad-page-size = `page_size` phải là số nguyên lớn hơn 0
config-bad-issuer = cơ quan `{ $code }` phải đi kèm một tên
config-bad-external-issuers = `external_issuers` phải là danh sách mã cơ quan
config-wrong-type = `{ $key }` sai kiểu giá trị
config-unknown-key = site.yaml không có khóa `{ $key }`
folder-is-file = `{ $folder }` là một tệp, không phải thư mục: bỏ qua
help-folder-is-file = đổi tên tệp này; Gazette đọc thư mục `{ $folder }/` của kho
unknown-theme = không có giao diện `{ $theme }`
help-unknown-theme = tạo thư mục themes/{ $theme }/templates/, hoặc bỏ dòng `theme:` để dùng giao diện mặc định
template-values = giá trị của mẫu trang: { $detail }
template-error = lỗi mẫu trang: { $detail }

## Liên kết các văn bản
number-used-twice = số { $number } ({ $doc_type }, { $year ->
    [0] không có ngày
   *[other] năm { $year }
}) đã được dùng cho { $other }
help-number-used-twice = hai văn bản cùng loại, cùng năm không thể trùng số; hãy sửa một trong hai
same-url = { $first } và { $second } sẽ cùng được đăng ở { $url }
issuer-two-codes = cơ quan `{ $name }` ở đây có mã { $code }, còn ở { $file } có mã { $other }
help-issuer-two-codes = ghi cho mỗi cơ quan một tên riêng, đầy đủ, nếu không hai cơ quan chung một danh mục
issuer-two-names = mã cơ quan { $code } ở đây ghi là `{ $name }`, còn ở { $file } ghi là `{ $other }`
help-issuer-two-names = ghi một tên cho một cơ quan, như trên văn bản; tên khác chữ (không chỉ chữ hoa) tách danh mục cơ quan ban hành làm hai
signer-two-ways = người ký ở đây viết là `{ $name }`, còn ở { $file } viết là `{ $other }`: chỉ khác chữ hoa, chữ thường
help-signer-two-ways = viết tên người ký như nhau ở mọi văn bản; danh mục người ký gộp hai cách viết vào một trang
link-target-not-a-number = đích liên kết `notice:{ $target }` không phải là số, ký hiệu văn bản
help-link-target = viết notice:162-NQ/TU, hoặc notice:162-NQ/TU@2024 cho văn bản năm 2024
link-not-in-archive = liên kết đến { $number }{ $year ->
    [0] {""}
   *[other] {" "}năm { $year }
}: kho không có văn bản này
help-link-not-in-archive = kiểm tra số và năm, hoặc viết số như chữ thường, không làm liên kết
link-ambiguous = liên kết đến { $number }{ $year ->
    [0] {""}
   *[other] {" "}năm { $year }
} chưa rõ là văn bản nào: { $candidates }
help-link-ambiguous = thêm năm, ví dụ notice:162-NQ/TU@2024
cited-not-in-archive = văn bản được dẫn { $number }{ $year ->
    [0] {""}
   *[other] {" "}năm { $year }
} không có trong kho
cited-issued-after = văn bản được dẫn { $number } trong kho ban hành ngày { $date } ({ $file }), sau văn bản này: không liên kết
help-cited-issued-after = số không kèm năm được hiểu là văn bản cùng số ban hành trước văn bản dẫn: muốn dẫn văn bản ban hành sau ấy, ghi ngày của nó sau số; nếu văn bản này ghi sai ngày, sửa ngày
cited-broken = văn bản được dẫn { $number } chưa được đăng vì có lỗi trong { $file }
cited-ambiguous = văn bản được dẫn { $number }{ $year ->
    [0] {""}
   *[other] {" "}năm { $year }
} chưa rõ là văn bản nào: { $candidates }
help-cited-ambiguous = ghi loại văn bản ({ $types }) hoặc ngày ngay sau số
help-cited-same-number = các văn bản này cùng loại, cùng số, cùng năm (lỗi đã báo riêng): sửa số của văn bản ghi sai
cited-date-differs = văn bản được dẫn { $number } ở đây ghi ngày { $written }, nhưng văn bản { $number } trong kho ({ $file }) ban hành ngày { $actual }
cited-impossible-date = ngày ghi sau số { $number } ({ $written }) không có trong lịch
help-cited-impossible-date = sửa ngày trong nội dung: số được dẫn như không kèm ngày
help-cited-date-differs = sửa ngày trong nội dung, hoặc ngày của văn bản được dẫn
cited-provision-missing = dẫn { $provision } của { $attached ->
    [yes] văn bản ban hành kèm theo { $number }, nhưng văn bản kèm theo trong { $file }
   *[other] { $number }, nhưng văn bản đó ({ $file })
} không có Điều { $article }
help-cited-provision-missing = liên kết dẫn đến cả văn bản; hãy kiểm tra số điều
relation-broken = `{ $key }` { $number }: văn bản đó chưa được đăng vì có lỗi trong { $file }
relation-provision-missing = `{ $key }` { $number }: văn bản đó ({ $file }) không có { $provision }
help-relation-provision-missing = kiểm tra số điều, khoản trong ngoặc sau số văn bản
relation-not-in-archive = `{ $key }` { $number }: kho không có văn bản này
relation-to-itself = văn bản không thể { $key ->
    [replaces] thay thế
    [repeals] bãi bỏ
   *[other] { $key }
} chính nó
relation-to-later = `{ $key }` { $number }: văn bản đó ban hành sau văn bản này
help-relation-to-later = chỉ văn bản mới hơn mới thay thế hay bãi bỏ được văn bản cũ hơn
relations-circle = các văn bản thay thế, bãi bỏ nhau thành vòng: { $notices }
help-relations-circle = văn bản chỉ chấm dứt hiệu lực văn bản cũ hơn: bỏ quan hệ khép vòng
## Ghi kết quả
attachment-over-generated = tệp đính kèm `{ $name }` sẽ ghi đè lên { $path } do Gazette tạo
help-rename-attachment = đổi tên tệp đính kèm
static-over-generated = { $file } sẽ ghi đè lên { $path } do Gazette tạo
help-static-over-generated = đổi tên hoặc chuyển tệp: Gazette tự ghi đường dẫn này
static-over-attachment = { $file } và một tệp đính kèm của { $owner } sẽ cùng được ghi vào { $path }
attachment-problem = không sao chép được tệp đính kèm { $name }
previous-file-gone = tệp của lần dựng trước không còn
output-changed-meanwhile = { $path } bị thay đổi trong lúc bản dựng này so sánh nó; hãy dựng lại

## Tóm tắt một lần chạy
summary-built = đã dựng { $notices } văn bản, { $pages } trang ({ $written } tệp được ghi, { $kept } tệp giữ nguyên; đọc { $read } tệp văn bản)
summary-failed = { $notices } văn bản; không ghi gì, kết quả cũ giữ nguyên
summary-checked = đã kiểm tra { $notices } văn bản
summary-drafts = bỏ qua { $count } dự thảo
summary-citations = trích dẫn: { $resolved } đã liên kết, { $unresolved } chưa có trong kho, { $ambiguous } chưa xác định
summary-external = { $count } trích dẫn văn bản ngoài kho
summary-errors = { $count } lỗi
summary-warnings = { $count } cảnh báo
more-warnings = … và { $count } cảnh báo khác: `gazette check` liệt kê đầy đủ
note-relative-links = nguồn tin và sitemap.xml đang dùng liên kết tương đối: đặt base_url trong site.yaml (hoặc --base-url) để có liên kết tuyệt đối mà trình đọc tin và máy tìm kiếm cần
note-state-stale = trạng thái dựng trong thư mục kết quả do một bản Gazette khác ghi ({ $why }): đã dựng lại toàn bộ
note-state-corrupt = trạng thái dựng trong thư mục kết quả bị hỏng ({ $why }): đã dựng lại toàn bộ
note-state-later-day = trạng thái dựng trong thư mục kết quả được ghi theo ngày { $day }, sau ngày của lần dựng này: đã dựng lại toàn bộ
note-output-files-left-out = { $count } tệp trong { $output }/ không do Gazette tạo nên không được giữ trong kết quả mới (còn trong { $previous }/ đến lần dựng sau): { $names }; tệp cần đăng nguyên trạng (CNAME, .htaccess, tài liệu tải về) hãy đặt trong static/ của kho
note-outside = { $count } trích dẫn văn bản ngoài kho không được cảnh báo từng cái: `gazette check --outside` liệt kê đầy đủ
progress-reading = đang đọc văn bản
progress-writing = đang ghi trang
clean-done = đã xóa trạng thái dựng của { $path }: lần dựng sau sẽ dựng toàn bộ
clean-nothing = { $path } không có trạng thái dựng
clean-not-archive = { $path } không có content/ cũng không có site.yaml: đó không phải là một kho văn bản, không có gì bị xóa
help-clean-not-archive = chỉ rõ thư mục kho văn bản bằng --root
clean-not-output = không dọn { $path }: đó không phải thư mục kết quả do Gazette dựng, không có gì bị xóa
help-clean-not-output = --out của `gazette clean` là thư mục mà `gazette build --out` đã ghi kết quả vào
root-is-file = { $path } là một tệp, không phải thư mục kho văn bản
help-root-is-file = chỉ thư mục chứa content/ và site.yaml bằng --root
root-missing = không có thư mục kho văn bản { $path }
help-root-missing = chỉ thư mục chứa content/ và site.yaml bằng --root, hoặc tạo kho mới bằng `gazette init { $path }`
outside-heading = Trích dẫn văn bản ngoài kho ({ $count }):

## Thư mục kết quả
output-root-is-staging = không dựng: thư mục gốc của kho { $root } là thư mục { $what ->
    [old] cũ
    [previous] trước
   *[staging] tạm
} của thư mục kết quả { $path }, thư mục mà mỗi lần dựng thay thế
output-locked = một lần dựng khác đang ghi vào một thư mục kết quả trong { $path }; hãy chạy lại khi nó xong, hoặc bỏ --no-wait để chờ
output-waiting = đang chờ lần dựng khác ghi vào một thư mục kết quả trong { $path } xong…
output-is-file = không ghi kết quả vào { $path }: đó là một tệp, không phải thư mục
disk-full = đĩa chứa { $path } đã đầy: lần dựng dừng lại, kết quả cũ vẫn giữ nguyên
disk-full-help = giải phóng chỗ trống trên đĩa đó rồi dựng lại, hoặc dựng vào một thư mục trên đĩa khác bằng --out
help-output-is-file = dùng --out với đường dẫn của một thư mục
output-foreign = không thay thế { $path }: thư mục chứa các tệp không do Gazette ghi
help-output-foreign = làm trống hoặc chuyển thư mục đi, hoặc dùng --out với thư mục khác; thư mục do Gazette dựng có tệp { $marker }
output-folder-taken = không dựng: { $path } đã có và không do Gazette tạo
help-output-folder-taken = chuyển nó đi; Gazette dùng tên này cho thư mục của mình
output-holds-root = không ghi kết quả vào { $path }: đó là thư mục gốc của kho hoặc thư mục cha của nó, mà mỗi lần dựng thay thế thư mục kết quả
output-protected = không ghi kết quả vào { $path }: đó là { $what ->
    [static] thư mục static
    [templates] thư mục templates
    [themes] thư mục themes
   *[content] thư mục content
}, nằm trong hoặc là thư mục cha của nó, mà mỗi lần dựng thay thế thư mục kết quả
output-is-site-file = không ghi kết quả vào { $path }: đó là chỗ của tệp cấu hình site.yaml của kho
changes-protected = không ghi danh sách thay đổi vào { $path }: đó là { $what ->
    [site] tệp site.yaml của kho
    [output] một tệp trong thư mục kết quả, mà mỗi lần dựng thay thế
    [static] một tệp trong thư mục static của kho
    [templates] một tệp trong thư mục templates của kho
    [themes] một tệp trong thư mục themes của kho
   *[content] một tệp trong thư mục content của kho
}
changes-linked = không ghi danh sách thay đổi vào { $path }: tệp này còn có tên khác (liên kết cứng), có thể là một tệp của kho
changes-is-folder = không ghi danh sách thay đổi vào { $path }: đó là một thư mục
help-changes-protected = chọn một tệp ở ngoài, ví dụ --changes ../thay-doi.txt
io-cannot-read = không đọc được { $path }
io-cannot-write = không ghi được { $path }
io-cannot-create = không tạo được { $path }
io-cannot-replace = không thay được { $path }
io-cannot-remove = không xóa được { $path }
io-cannot-lock = không khóa được { $path }
io-cannot-open = không mở được { $path }
io-cannot-tidy = không dọn được { $path }
io-cannot-put-back = không đặt lại được { $path }
io-cannot-copy = không chép được { $from } sang { $path }
io-cannot-link = không liên kết được { $from } sang { $path }
io-cannot-swap = không hoán đổi được bản dựng mới vào { $path }
io-cannot-move-in = không chuyển được bản dựng mới vào { $path }
io-cannot-move-aside = không chuyển được { $path } sang bên
io-cannot-write-changes = không ghi được danh sách thay đổi vào { $path }
io-no-archive = không có kho văn bản ở { $path }
io-cannot-watch = không theo dõi được { $path }
io-cannot-watch-files = không theo dõi được các tệp của kho
io-cannot-start-server = không khởi động được máy chủ xem trước
io-not-found = không có tệp hoặc thư mục này
io-permission-denied = không có quyền
io-already-exists = đã có
io-not-a-folder = không phải là thư mục
io-is-a-folder = đó là một thư mục
io-folder-not-empty = thư mục không trống
io-disk-full = ổ đĩa đã đầy
io-read-only = hệ thống tệp chỉ cho đọc
io-bad-name = tên tệp không hợp lệ
io-other-disk = nằm trên ổ đĩa khác

output-is-root = không ghi kết quả vào thư mục gốc của hệ thống tệp
output-not-own = không xóa { $path }: thư mục này không do Gazette tạo

## Xem trước
serve-listening = đang phục vụ { $root } tại { $address } (Ctrl-C để dừng)
serve-port-taken = cổng { $wanted } đang bận; dùng cổng { $port }
serve-address-not-here = không nghe được ở { $address }: địa chỉ này không thuộc máy này
help-serve-address-not-here = bỏ --bind để xem trước trên máy này, hoặc dùng một địa chỉ của máy (lệnh `ip addr` liệt kê)
serve-ports-taken = các cổng từ { $first } đến { $last } đều đang bận
serve-cannot-listen = không nghe được ở { $address }: { $error }
help-serve-cannot-listen = một chương trình khác đang dùng cổng này; chọn cổng khác bằng --port
serve-built = đã dựng xong trong { $seconds } giây
serve-has-errors = kho văn bản có lỗi: sửa rồi lưu lại, trang sẽ hiện kho văn bản
serve-watcher-stopped = bộ theo dõi tệp đã dừng
serve-rebuilt = đã dựng lại { $count } tệp trong { $ms } ms
serve-stylesheet = bảng kiểu đã thay đổi ({ $ms } ms)
overlay-title = Kho văn bản có lỗi
overlay-help = Sửa rồi lưu lại: trang này sẽ tự tải lại.

## Tạo kho văn bản và văn bản mới
init-done = kho văn bản mới đã sẵn sàng ở { $path }: dựng bằng `gazette build --root { $path }`
init-gitignore = Những gì `gazette build` ghi ra
init-not-empty = { $path } không trống: `gazette init` tạo kho trong thư mục mới hoặc thư mục trống
new-bad-type = `{ $code }` không phải mã loại văn bản có trong số, ký hiệu (TB, NQ, KH, CT, QĐ, …)
new-no-content-folder = { $path } không có: đây không phải là một kho văn bản
new-issuer-named-otherwise = mã cơ quan { $code } đã được ghi là `{ $known }` trong kho, không phải `{ $name }`
help-new-issuer-named-otherwise = bỏ --issuer-name để dùng `{ $known }`; nếu cơ quan đổi tên, sửa tên trong các văn bản cũ trước
new-archive-has-errors = các tệp văn bản có { $count } lỗi, số mới có thể trùng số của một văn bản lỗi; lỗi đầu tiên: { $first }
help-new-archive-has-errors = sửa các lỗi (`gazette check --drafts` liệt kê đủ, cả của dự thảo) rồi chạy lại
new-empty-title = trích yếu (--title) để trống
new-untitled = { $kind } (chưa có trích yếu)
new-exists = { $path } đã có
help-new-exists = tệp này không mang số { $number }: nếu là văn bản khác, đổi tên tệp theo số của nó rồi chạy lại
new-bad-issuer = `{ $code }` không phải mã cơ quan viết được trong số, ký hiệu
help-new-bad-issuer = mã cơ quan là chữ viết liền, có thể có gạch nối: VPTU, UBND, BTGTU, HU…
new-unknown-issuer = chưa văn bản nào trong kho có mã cơ quan { $code }
help-new-unknown-issuer = các mã cơ quan đã có: { $known }; muốn lập cơ quan mới thì ghi tên bằng --issuer-name
help-new-no-issuers = kho chưa có văn bản nào: ghi tên cơ quan bằng --issuer-name

## Nhập văn bản Word (gazette import)
import-cannot-read = không đọc được tệp: { $detail }
import-not-word = không phải tệp Word .docx (cần tệp Word 2007 trở lên)
import-ole-file = tệp đã đặt mật khẩu, hoặc là tệp Word 97–2003 .doc: hãy lưu lại thành .docx không đặt mật khẩu
import-encrypted-entry = tệp có phần đã mã hóa: hãy lưu lại thành .docx không đặt mật khẩu
import-corrupt = tệp .docx bị hỏng ({ $detail }): hãy mở bằng Word và lưu lại
import-too-large = tệp giải nén ra quá { $limit } MiB: không nhập (có thể là tệp nén độc hại)
import-too-many-entries = tệp có quá { $limit } phần bên trong: không nhập (có thể là tệp nén độc hại)
import-too-deep = nội dung XML lồng nhau quá sâu: không nhập
import-bad-xml = phần { $part } không phải XML hợp lệ: { $detail }
import-legacy-font = văn bản gõ bằng bảng mã cũ TCVN3 (ABC) hoặc VNI{ $font }, nhập vào sẽ thành chữ lỗi: hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã, từ TCVN3 hoặc VNI sang Unicode, rồi đổi phông sang Times New Roman), lưu lại và nhập lại
import-legacy-font-name = { " " }(phông { $font })
import-no-docx = thư mục không có tệp .docx nào
import-override-one-file = --number và --date chỉ dùng khi nhập một tệp
import-bad-number = `{ $text }` không phải số văn bản (ví dụ 45-TB/VPTU, 1234/QĐ-UBND, 30/2020/NĐ-CP)
import-bad-date = `{ $text }` không phải ngày dạng YYYY-MM-DD
import-would-replace = { $path } đã có: lần nhập thật cần --force để ghi đè
import-will-fail = văn bản viết ra sẽ có lỗi khi kiểm tra: { $problem }
import-left-out = tệp Word có { $pictures ->
    [0] {""}
   *[other] { $pictures } hình ảnh không được nhập{ $links ->
        [0] {""}
       *[other] {" "}và{" "}
    }
}{ $links ->
    [0] {""}
   *[other] { $links } liên kết chỉ được giữ chữ, không giữ địa chỉ
}: lưu hình ảnh thành tệp đặt cạnh văn bản (thư mục có index.md) làm tệp đính kèm, và viết lại địa chỉ liên kết dạng [chữ](địa chỉ)
import-numbers-unknown = { $count ->
    [1] tệp này có lỗi ở phần đầu
   *[other] { $count } tệp của kho có lỗi ở phần đầu, tệp này là tệp đầu tiên
}: số ghi trong đó chưa được so với số của văn bản nhập; sửa lỗi (`gazette check` liệt kê đủ) rồi kiểm tra lại
import-exists = { $path } đã có: thêm --force để ghi đè
import-same-path = cùng đường dẫn { $path } với { $other }
import-number-taken = số { $number } đã được dùng cho { $other }: đặt số khác bằng --number, hoặc sửa tệp đó
import-cannot-write = không ghi được { $path }: { $detail }
import-impossible-date = ngày ghi trong văn bản Word ({ $written }) không có trong lịch; `date` để trống kèm chú thích trong tệp
import-not-found = không tìm thấy `{ $key }` ({ $field }); để trống kèm chú thích trong tệp
import-merged-cells = bảng { $table } có ô gộp: đã viết thành bảng thường, ô gộp để trống; hãy kiểm tra lại
import-as-draft = thiếu số hoặc ngày: nhập thành bản nháp (draft: true)
import-field-comment = # không tìm thấy { $field } trong văn bản Word: điền tay
import-field-number = số và ký hiệu
import-field-date = ngày ban hành
import-field-place = địa danh
import-field-type = tên loại văn bản
import-field-title = trích yếu
import-field-issuer = tên cơ quan ban hành
import-field-signer = người ký
import-field-recipients = nơi nhận

## Trả lời của máy chủ xem trước
http-busy = máy chủ xem trước đang bận: hãy thử lại
http-head-too-large = phần đầu của yêu cầu quá dài
http-bad-request = yêu cầu không hợp lệ
http-method = máy chủ xem trước chỉ trả lời GET và HEAD
http-body = yêu cầu gửi đến máy chủ xem trước không mang nội dung
http-bad-path = đường dẫn không hợp lệ
http-bad-host = bản xem trước chỉ trả lời yêu cầu gửi đến localhost hoặc một địa chỉ IP, không gửi đến tên máy khác
http-too-many-previews = có quá nhiều trang xem trước đang mở
http-not-found = không có trang này
http-moved = trang đã chuyển
