//! The grammar's table-driven tests: each row a text and the citations it must give (key,
//! type word, date), then spans, normalised input, provisions, short forms and lists.

use super::*;
use unicode_normalization::UnicodeNormalization;

/// (key, type word, date as YYYY-MM-DD)
type Want = (&'static str, Option<&'static str>, Option<&'static str>);

const NQ: Option<&str> = Some("Nghị quyết");
const QDINH: Option<&str> = Some("Quyết định");
const QUYDINH: Option<&str> = Some("Quy định");

const FOUND: &[(&str, &[Want])] = &[
    (
        "Thực hiện Nghị quyết số 47-NQ/TU, ngày 14/3/2023 của Tỉnh ủy về chuyển đổi số.",
        &[("47-NQ/TU", NQ, Some("2023-03-14"))],
    ),
    (
        "Ban Thường vụ đã ban hành Chỉ thị số 21-CT/TU về tăng cường phòng cháy.",
        &[("21-CT/TU", Some("Chỉ thị"), None)],
    ),
    (
        "Theo Kết luận 19-KL/TW của Bộ Chính trị, các cấp ủy rà soát lại quy hoạch.",
        &[("19-KL/TW", Some("Kết luận"), None)],
    ),
    ("Văn bản này thay thế 205-QĐ/TU.", &[("205-QĐ/TU", None, None)]),
    (
        "Đề án số 06-ĐA/TU ngày 09 tháng 8 năm 2022 đã được triển khai.",
        &[("6-ĐA/TU", Some("Đề án"), Some("2022-08-09"))],
    ),
    (
        "Thông báo số 318-TB/VPTU ngày 02/12/2024 truyền đạt ý kiến của Thường trực.",
        &[("318-TB/VPTU", Some("Thông báo"), Some("2024-12-02"))],
    ),
    (
        "Chương trình hành động số 03-CTr/TU ngày 15/01/2021 được sửa đổi.",
        &[("3-CTR/TU", Some("Chương trình"), Some("2021-01-15"))],
    ),
    (
        "Quyết định số 1450/QĐ-UBND ngày 28/6/2023 của Ủy ban nhân dân tỉnh phê duyệt danh mục.",
        &[("1450/QĐ-UBND", QDINH, Some("2023-06-28"))],
    ),
    (
        "Căn cứ Nghị định số 45/2021/NĐ-CP ngày 31/3/2021 của Chính phủ;",
        &[("45/2021/NĐ-CP", Some("Nghị định"), Some("2021-03-31"))],
    ),
    ("Thông tư số 09/2023/TT-BTC hướng dẫn chế độ tài chính.", &[("9/2023/TT-BTC", Some("Thông tư"), None)]),
    ("Quy định số 12-QĐ/TU về chế độ làm việc của Ban Thường vụ.", &[("12-QĐ/TU", QUYDINH, None)]),
    ("Quyết định số 12-QĐ/TU về thành lập Tổ công tác.", &[("12-QĐ/TU", QDINH, None)]),
    (
        "Ban Chấp hành Trung ương Đoàn đã có 512-QĐ/TWĐTN-VP về công tác thi đua.",
        &[("512-QĐ/TWĐTN-VP", None, None)],
    ),
    (
        "Đề nghị các đơn vị nghiên cứu kỹ 27-HD/BTGTU trước khi tổ chức hội nghị.",
        &[("27-HD/BTGTU", None, None)],
    ),
    (
        "Triển khai Nghị quyết số 73-NQ/TU, Đề án số 11-ĐA/TU, ngày 19/9/2022 của Ban Thường vụ.",
        &[("73-NQ/TU", NQ, None), ("11-ĐA/TU", Some("Đề án"), Some("2022-09-19"))],
    ),
    (
        "Căn cứ Kế hoạch số 140-KH/TU, Hướng dẫn số 17-HD/BTCTU và Công văn số 2215-CV/TU ngày 07/11/2023.",
        &[
            ("140-KH/TU", Some("Kế hoạch"), None),
            ("17-HD/BTCTU", Some("Hướng dẫn"), None),
            ("2215-CV/TU", Some("Công văn"), Some("2023-11-07")),
        ],
    ),
    (
        "Căn cứ Quyết định số 88/QĐ-UBND ngày 12/01/2024; Quyết định số 91/QĐ-UBND ngày 15/01/2024 và Kế hoạch số 205/KH-UBND ngày 20/9/2024.",
        &[
            ("88/QĐ-UBND", QDINH, Some("2024-01-12")),
            ("91/QĐ-UBND", QDINH, Some("2024-01-15")),
            ("205/KH-UBND", Some("Kế hoạch"), Some("2024-09-20")),
        ],
    ),
    ("NGHỊ QUYẾT SỐ 05-NQ/TU NGÀY 10/10/2020 CỦA BAN THƯỜNG VỤ", &[("5-NQ/TU", NQ, Some("2020-10-10"))]),
    ("thực hiện nghị quyết số 31-nq/tu của tỉnh ủy", &[("31-NQ/TU", NQ, None)]),
    (
        "Quyết định số 2750/QD-UBND ngày 30/12/2022 đã hết hiệu lực.",
        &[("2750/QĐ-UBND", QDINH, Some("2022-12-30"))],
    ),
    ("Nghị định 100/2019/ND-CP quy định xử phạt.", &[("100/2019/NĐ-CP", Some("Nghị định"), None)]),
    ("Đề án số 04-DA/TU được bổ sung kinh phí.", &[("4-ĐA/TU", Some("Đề án"), None)]),
    ("Dự án số 15/DA-UBND được phê duyệt.", &[("15/DA-UBND", Some("Dự án"), None)]),
    ("Kế hoạch số 007-KH/HU của Huyện ủy.", &[("7-KH/HU", Some("Kế hoạch"), None)]),
    (
        "Thực hiện Kế hoạch số 31-KH/TU và báo cáo kết quả trước ngày 30/6/2024.",
        &[("31-KH/TU", Some("Kế hoạch"), None)],
    ),
    (
        "Theo Hướng dẫn số 9-HD/BTCTU.\na) Ngày 20/6/2017 Ban Tổ chức đã họp.",
        &[("9-HD/BTCTU", Some("Hướng dẫn"), None)],
    ),
    ("Quyết định số 123a/QĐ-UBND điều chỉnh danh sách.", &[("123A/QĐ-UBND", QDINH, None)]),
    (
        "Chỉ thị số 09-CT/TU, ngày 05-6-2019 về công tác dân vận.",
        &[("9-CT/TU", Some("Chỉ thị"), Some("2019-06-05"))],
    ),
    ("Quy chế số 02-QC/TU ngày 1.11.2021 về làm việc.", &[("2-QC/TU", Some("Quy chế"), Some("2021-11-01"))]),
    (
        "Công văn số 906- CV/BDVTU, ngày 21 /4/2023 về dân vận khéo.",
        &[("906-CV/BDVTU", Some("Công văn"), Some("2023-04-21"))],
    ),
    ("Quy định số 58 - QĐ/TU ngày 3/2/2020 về kiểm tra.", &[("58-QĐ/TU", QUYDINH, Some("2020-02-03"))]),
    ("Thực hiện Quy định 29QĐ/TU của Ban Thường vụ.", &[("29-QĐ/TU", QUYDINH, None)]),
    (
        "Quyết định số 76 QĐ/TWĐTN ngày 18/4/2016 của Ban Bí thư Trung ương Đoàn.",
        &[("76-QĐ/TWĐTN", QDINH, Some("2016-04-18"))],
    ),
    (
        "Quyết định của Ban Thường vụ Tỉnh ủy số45-QĐ/TU, ngày 02-3-2018 về nhân sự.",
        &[("45-QĐ/TU", QDINH, Some("2018-03-02"))],
    ),
    ("Số: 09-NQ/ĐU", &[("9-NQ/ĐU", None, None)]),
    ("Quyết định số: 2031 /QĐ-HVCT về tuyển sinh.", &[("2031/QĐ-HVCT", QDINH, None)]),
    (
        "Công văn số 3120/UBND-KT ngày 08/8/2024 của UBND tỉnh.",
        &[("3120/UBND-KT", Some("Công văn"), Some("2024-08-08"))],
    ),
    ("Văn bản số 57/UBND ngày 10/3/2025 của UBND xã.", &[("57/UBND", None, Some("2025-03-10"))]),
    ("Luật số 59/2020/QH14 quy định về doanh nghiệp.", &[("59/2020/QH14", Some("Luật"), None)]),
    (
        "Quyết định số 28/2018/QĐ-TTg ngày 12/7/2018 của Thủ tướng.",
        &[("28/2018/QĐ-TTG", QDINH, Some("2018-07-12"))],
    ),
    ("Theo Thông báo 77-TB/TUvề việc điều động cán bộ.", &[("77-TB/TU", Some("Thông báo"), None)]),
    ("Công văn số 5120-CV/VPTW/nb gửi các tỉnh ủy.", &[("5120-CV/VPTW/NB", Some("Công văn"), None)]),
    (
        "Hướng dẫn số 05-HD/UBKTTU ngày 3 tháng 02 năm 2025 về kiểm tra.",
        &[("5-HD/UBKTTU", Some("Hướng dẫn"), Some("2025-02-03"))],
    ),
    (
        "Nghị quyết số 19-NQ/HU của Ban Chấp hành Đảng bộ huyện khóa XX, ngày 28/10/2021 về nông thôn mới.",
        &[("19-NQ/HU", NQ, Some("2021-10-28"))],
    ),
    (
        "Nghị quyết số 23-NQ/TU về phát triển lâm nghiệp bền vững gắn với bảo vệ rừng đầu nguồn, nâng cao thu nhập cho người dân vùng cao và giữ vững quốc phòng, ngày 14/3/2023.",
        &[("23-NQ/TU", NQ, None)],
    ),
    ("Ban hành Kế hoạch số 12-KH/ĐU. Ngày 5/5/2024 Đảng ủy đã họp.", &[("12-KH/ĐU", Some("Kế hoạch"), None)]),
    ("Thông báo số 30-TB/TU; ngày 12/12/2024 tổ chức hội nghị.", &[("30-TB/TU", Some("Thông báo"), None)]),
    ("Nghị quyết số 14-NQ/TU ngày 31/2/2024 (ghi nhầm ngày).", &[("14-NQ/TU", NQ, None)]),
    (
        "Kế hoạch số 88-KH/TU ngày 29/2/2024 về chuyển đổi số.",
        &[("88-KH/TU", Some("Kế hoạch"), Some("2024-02-29"))],
    ),
    ("Kế hoạch số 89-KH/TU ngày 29/2/2023 về chuyển đổi số.", &[("89-KH/TU", Some("Kế hoạch"), None)]),
    ("Tờ trình số 64-TTr/BCSĐ của Ban cán sự đảng.", &[("64-TTR/BCSĐ", Some("Tờ trình"), None)]),
    ("Báo cáo số 412-BC/TU tổng kết năm.", &[("412-BC/TU", Some("Báo cáo"), None)]),
    ("Thông tri 02-TT/TU về lãnh đạo bầu cử.", &[("2-TT/TU", Some("Thông tri"), None)]),
    ("Quy định số 15-QĐi/TU về phân cấp quản lý cán bộ.", &[("15-QĐI/TU", QUYDINH, None)]),
    (
        "Nghị quyết liên tịch số 01/2020/NQLT-CP-UBTƯMTTQVN được áp dụng.",
        &[("1/2020/NQLT-CP-UBTƯMTTQVN", Some("Nghị quyết liên tịch"), None)],
    ),
    (
        "Thông tư liên tịch số 03/2014/TTLT-BNV-BTC hết hiệu lực.",
        &[("3/2014/TTLT-BNV-BTC", Some("Thông tư liên tịch"), None)],
    ),
    ("Nghị quyết số 22\u{2013}NQ/TU về cải cách hành chính.", &[("22-NQ/TU", NQ, None)]),
    ("Kế hoạch số 61\u{2011}KH/TU về thi đua.", &[("61-KH/TU", Some("Kế hoạch"), None)]),
    ("Chỉ thị 03\u{2212}CT/TU về tết.", &[("3-CT/TU", Some("Chỉ thị"), None)]),
    ("Chỉ thị 03\u{2010}CT/TU về tết.", &[("3-CT/TU", Some("Chỉ thị"), None)]),
    ("Nghị quyết số\u{a0}36-NQ/TU về an ninh.", &[("36-NQ/TU", NQ, None)]),
    ("Nghị\u{a0}quyết\u{a0}số 36-NQ/TU về an ninh.", &[("36-NQ/TU", NQ, None)]),
    ("Nghị quyết số\n36-NQ/TU về an ninh.", &[("36-NQ/TU", NQ, None)]),
    ("Nghị quyết\nsố 36-NQ/TU,\nngày 06/6/2022 về an ninh.", &[("36-NQ/TU", NQ, Some("2022-06-06"))]),
    ("Nghị quyết số 36-NQ/TU,\u{a0}ngày\u{a0}06/6/2022 về an ninh.", &[("36-NQ/TU", NQ, Some("2022-06-06"))]),
    (
        "Quyết định số 30-QĐ/TU và Quy định số 31-QĐ/TU cùng được ban hành.",
        &[("30-QĐ/TU", QDINH, None), ("31-QĐ/TU", QUYDINH, None)],
    ),
    (
        "Quy định số 40-QĐ/TU và 41-QĐ/TU hết hiệu lực.",
        &[("40-QĐ/TU", QUYDINH, None), ("41-QĐ/TU", QUYDINH, None)],
    ),
    ("Nghị quyết số 50-NQ/TU, 12-KH/TU đã được sơ kết.", &[("50-NQ/TU", NQ, None), ("12-KH/TU", None, None)]),
    (
        "các nghị quyết số 05-nq/tu, 06-nq/tu và 07-nq/tu",
        &[("5-NQ/TU", NQ, None), ("6-NQ/TU", NQ, None), ("7-NQ/TU", NQ, None)],
    ),
    (
        "Xem tại https://langson.example.vn/tai-lieu/77-NQ/TU, còn Nghị quyết số 78-NQ/TU vẫn còn hiệu lực.",
        &[("78-NQ/TU", NQ, None)],
    ),
    ("Việc này đã nêu rõ (theo 46-KL/TU).", &[("46-KL/TU", None, None)]),
    ("Nội dung “Kết luận số 46-KL/TU” được quán triệt.", &[("46-KL/TU", Some("Kết luận"), None)]),
    (
        "Nghị định số 08/2022/NĐ-CP ngày 10 tháng 01 năm 2022 của Chính phủ.",
        &[("8/2022/NĐ-CP", Some("Nghị định"), Some("2022-01-10"))],
    ),
    ("Thông báo kết luận số 905-TB/TU của Thường trực.", &[("905-TB/TU", Some("Thông báo"), None)]),
    ("Quyết định số 1023/QĐ-BCĐ về phân công thành viên.", &[("1023/QĐ-BCĐ", QDINH, None)]),
    ("Theo Nghị Định Số 61/2018/nĐ-cp về một cửa.", &[("61/2018/NĐ-CP", Some("Nghị định"), None)]),
    (
        "Kế hoạch số 99-KH/TU ngày 15/8/2024 và Kế hoạch số 100-KH/TU ngày 16/8/2024.",
        &[
            ("99-KH/TU", Some("Kế hoạch"), Some("2024-08-15")),
            ("100-KH/TU", Some("Kế hoạch"), Some("2024-08-16")),
        ],
    ),
    (
        "Báo cáo số 51-BC/ĐU ngày 05/02/2025 của Đảng ủy.",
        &[("51-BC/ĐU", Some("Báo cáo"), Some("2025-02-05"))],
    ),
    (
        "Chỉ thị 11-CT/TU (12/4/2022) về phòng, chống thiên tai.",
        &[("11-CT/TU", Some("Chỉ thị"), Some("2022-04-12"))],
    ),
    ("Thông báo số 12/TB-VPUBND về lịch làm việc.", &[("12/TB-VPUBND", Some("Thông báo"), None)]),
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và Nghị định 137/2020/NĐ-CP.",
        &[("137/2020/NĐ-CP", Some("Nghị định"), None)],
    ),
    ("56-TB/VPTU nêu rõ trách nhiệm của từng cơ quan.", &[("56-TB/VPTU", None, None)]),
    ("Các nội dung còn lại thực hiện theo 56-TB/VPTU", &[("56-TB/VPTU", None, None)]),
    ("Quyết định số 1206/QĐ-CĐVX- ĐT về đào tạo.", &[("1206/QĐ-CĐVX-ĐT", QDINH, None)]),
    ("Quyết định 3345/QĐ-UBND - Sở Tài chính chủ trì thực hiện.", &[("3345/QĐ-UBND", QDINH, None)]),
    ("Nghị quyết số 17/2022/NQ-HĐND của Hội đồng nhân dân tỉnh.", &[("17/2022/NQ-HĐND", NQ, None)]),
    ("Chương trình số 02-CTr/TU về chuyển đổi số.", &[("2-CTR/TU", Some("Chương trình"), None)]),
    ("Quyết định số 0045/QĐ-UBND về khen thưởng.", &[("45/QĐ-UBND", QDINH, None)]),
    ("Báo cáo 15-BC/BCĐ của Ban Chỉ đạo.", &[("15-BC/BCĐ", Some("Báo cáo"), None)]),
    (
        "Căn cứ Quyết định số 366-QĐ/TU ngày 20/10/2023, Ban Tổ chức hướng dẫn thực hiện.",
        &[("366-QĐ/TU", QDINH, Some("2023-10-20"))],
    ),
    ("Tại Hướng dẫn 41-HD/VPTW, Văn phòng Trung ương đã nêu.", &[("41-HD/VPTW", Some("Hướng dẫn"), None)]),
    ("Hội nghị ngày 17/9/2024 đã quán triệt Nghị quyết số 20-NQ/TU.", &[("20-NQ/TU", NQ, None)]),
    ("Văn bản số 245/SNV-TCBC ngày 2/4/2024 của Sở Nội vụ.", &[("245/SNV-TCBC", None, Some("2024-04-02"))]),
    ("Ngày 3/3/2024, UBND tỉnh ban hành 420/QĐ-UBND.", &[("420/QĐ-UBND", None, None)]),
    // Lists sharing one suffix.
    (
        "Thực hiện các Kết luận số 11, 12-KL/TU của Ban Thường vụ.",
        &[("11-KL/TU", Some("Kết luận"), None), ("12-KL/TU", Some("Kết luận"), None)],
    ),
    (
        "Chỉ thị số 03, 04 và 05-CT/TU về công tác tết.",
        &[
            ("3-CT/TU", Some("Chỉ thị"), None),
            ("4-CT/TU", Some("Chỉ thị"), None),
            ("5-CT/TU", Some("Chỉ thị"), None),
        ],
    ),
    (
        "các Kế hoạch số 07,08-KH/TU đã hoàn thành.",
        &[("7-KH/TU", Some("Kế hoạch"), None), ("8-KH/TU", Some("Kế hoạch"), None)],
    ),
    (
        "Nghị quyết 21, 22, và 23-NQ/TU được sơ kết.",
        &[("21-NQ/TU", NQ, None), ("22-NQ/TU", NQ, None), ("23-NQ/TU", NQ, None)],
    ),
    (
        "Quyết định số 15, 16/QĐ-UBND ngày 02/3/2024 về nhân sự.",
        &[("15/QĐ-UBND", QDINH, None), ("16/QĐ-UBND", QDINH, Some("2024-03-02"))],
    ),
    ("Các văn bản số 31 và 32-CV/TU đã được trả lời.", &[("31-CV/TU", None, None), ("32-CV/TU", None, None)]),
    // Without a type word or "số" only the full number is a citation.
    ("Tỷ lệ 11, 12-KL/TU chưa rõ.", &[("12-KL/TU", None, None)]),
    ("Quyết định 3/QĐ-UBND, 11, 12-KL/TU.", &[("3/QĐ-UBND", QDINH, None), ("12-KL/TU", None, None)]),
    // Without diacritics or in mixed case, after a type word that agrees.
    ("Can cu Ket luan so 21- kl/tu cua Ban Thuong vu.", &[("21-KL/TU", Some("Kết luận"), None)]),
    ("Thuc hien Nghi quyet so 05-Nq/Tu ngay 3/4/2023.", &[("5-NQ/TU", NQ, Some("2023-04-03"))]),
    ("theo Ke hoach 14 - kh/tu da ban hanh", &[("14-KH/TU", Some("Kế hoạch"), None)]),
    ("Quy dinh so 7-qd/tu ve bau cu", &[("7-QĐ/TU", QUYDINH, None)]),
    ("CĂN CỨ CHỈ THỊ SỐ 09 - CT/Tu", &[("9-CT/TU", Some("Chỉ thị"), None)]),
    (
        "cac Ket luan so 11, 12- kl/tu",
        &[("11-KL/TU", Some("Kết luận"), None), ("12-KL/TU", Some("Kết luận"), None)],
    ),
    // Short state forms.
    ("Nghị định 45/2021 quy định chi tiết.", &[("45/2021/NĐ-CP", Some("Nghị định"), None)]),
    ("Nghị định 47/2019 được nhắc đến mà không có ký hiệu.", &[("47/2019/NĐ-CP", Some("Nghị định"), None)]),
    (
        "Căn cứ Nghị định số 30/2020 ngày 05/3/2020 của Chính phủ.",
        &[("30/2020/NĐ-CP", Some("Nghị định"), Some("2020-03-05"))],
    ),
    ("Nghi dinh 100/2019 ve xu phat.", &[("100/2019/NĐ-CP", Some("Nghị định"), None)]),
    ("Thông tư 08/2022 của Bộ Tài chính.", &[("8/2022/TT", Some("Thông tư"), None)]),
    ("Nghị quyết 12/2021 của HĐND tỉnh.", &[("12/2021/NQ", NQ, None)]),
];

const NOT_FOUND: &[&str] = &[
    "Hội nghị diễn ra ngày 17/9/2024 tại hội trường.",
    "Hạn cuối nộp báo cáo là 30-6-2025.",
    "Ngày 05.11.2024 đoàn công tác làm việc tại huyện.",
    "Điện thoại/Fax: 0205 3870 112 hoặc 0912 345 678.",
    "Đường dây nóng 0205.3870.112/0912.345.678.",
    "Theo Điều 3, khoản 2 của Quy chế, mục 4/5 được sửa.",
    "Áp dụng Điều 3/khoản 2 của quy định cũ.",
    "Tỷ lệ đạt 95,5%, tăng 1/2 so với cùng kỳ.",
    "Có 1/2 số đảng viên tham gia học tập.",
    "Bệnh nhân F0/F1 được theo dõi tại nhà.",
    "Mẫu số 01/TB ban hành kèm theo hướng dẫn.",
    "Tải văn bản tại https://example.vn/van-ban/271-NQ/TU ngay hôm nay.",
    "Truy cập www.langson.example.vn/van-ban/271-NQ/TU để xem.",
    "Xem http://tinhuy.example.vn/45/2021/NĐ-CP để tra cứu.",
    "Năm học 2023/2024 có nhiều đổi mới.",
    "Tháng 5/2024, tỉnh đón 300 nghìn lượt khách.",
    "Kết quả 8/10 chỉ tiêu đạt và vượt.",
    "Số:      /QĐ-UBND",
    "Nghị quyết số -NQ/TU (dự thảo chưa có số).",
    "Bản sao 31-BS/VPTU gửi các ban.",
    "Mã hồ sơ 15-XY/TU đã được lưu.",
    "Ký hiệu x45-NQ/TU bị viết sai.",
    "Dự án nâng cấp Km 12/QL1A hoàn thành.",
    "Lớp 12/A1 đạt giải nhất.",
    "Ca trực 24/7 trong dịp tết.",
    "Hồ sơ 204/HS-TN lưu tại văn thư.",
    "Phòng 305/B-UBND ở tầng ba.",
    "mã 162-nq/tu trên hệ thống cũ",
    "tăng so với 12-nq/tu năm trước",
    "Số 87 / K của sổ đăng ký.",
    "Khoảng 70 QĐ/TU đã được rà soát.",
    "Ghi mã 37QĐ/TU vào sổ.",
    "Giá trị 123456/QĐ-UBND không hợp lệ.",
    "Quyết định số 00/QĐ-UBND (mẫu để trống).",
    "Đợt dịch COVID-19/2020 đã qua.",
    "Tiêu chuẩn ISO 9001/2015 được áp dụng.",
    "Phân loại NQ/TU chưa có số.",
    "Công thức a/b-c không phải số hiệu.",
    "Tỷ lệ 3/KH đạt yêu cầu.",
    "Đã nhận 3120/UBND-KT hôm qua.",
    "Giờ làm việc 7/30 sáng.",
    // Text typed without diacritics or in mixed case needs a type word that agrees.
    "Ket qua 21- kl/tu chua ro.",
    "Ma so 21- kl/tu tren he thong.",
    "Ket luan so 21- nq/tu cua Ban Thuong vu.",
    "Theo so 21- kl/tu da luu.",
    "Ke hoach 14 - Kl/Tu da duoc luu.",
    // Short state forms need a type word that fixes or narrows the code.
    "Tháng 5/2021 tỉnh tổ chức hội nghị.",
    "Kế hoạch 12/2021 chưa có ký hiệu.",
    "Tại Hội nghị 12/2021 đã thống nhất.",
    "Nghị định 45/2021/XY được nhắc đến.",
    "Nghị định 45/2021-BTC không đúng mẫu.",
    "Nghị định năm 2021 về văn thư.",
    "Nghị định về 45/2021 trường hợp.",
    // A list needs a type word or "số" before its first number.
    "Đạt 11, 12 và 13 điểm.",
];

fn run(text: &str) -> Vec<(String, Option<&'static str>, Option<String>)> {
    find_citations(text)
        .into_iter()
        .map(|c| (c.number.key, c.type_word, c.date.map(|d| d.to_string())))
        .collect()
}

fn want(items: &[Want]) -> Vec<(String, Option<&'static str>, Option<String>)> {
    items.iter().map(|&(k, t, d)| (k.to_string(), t, d.map(str::to_string))).collect()
}

#[test]
fn citation_table() {
    assert!(FOUND.len() + NOT_FOUND.len() >= 85);
    assert!(NOT_FOUND.len() >= 28);
    let rows = FOUND.iter().map(|&(t, w)| (t, w)).chain(NOT_FOUND.iter().map(|&t| (t, &[] as &[Want])));
    let failures: Vec<String> = rows
        .filter_map(|(text, items)| {
            let (got, expected) = (run(text), want(items));
            (got != expected).then(|| format!("{text:?}\n  got  {got:?}\n  want {expected:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn span_slices_the_number_as_written() {
    let cases: &[(&str, &[&str])] = &[
        ("Nghị quyết số 08-NQ/TU, ngày 1/2/2024.", &["08-NQ/TU"]),
        (
            "Theo\u{a0}Nghị quyết số\u{a0}08\u{2013}NQ/TU và Đề án số 03-ĐA/TU",
            &["08\u{2013}NQ/TU", "03-ĐA/TU"],
        ),
        ("Quy định số 58 - QĐ/TU nêu rõ.", &["58 - QĐ/TU"]),
        ("Theo Thông báo 77-TB/TUvề việc", &["77-TB/TU"]),
        ("Quyết định số: 2031 /QĐ-HVCT ngày", &["2031 /QĐ-HVCT"]),
        ("Ký 9\u{200B}-KH/TU\u{200B} hôm qua", &["9\u{200B}-KH/TU"]),
        ("Công văn số 5120-CV/VPTW/nb gửi", &["5120-CV/VPTW/nb"]),
    ];
    for &(text, written) in cases {
        let found = find_citations(text);
        let slices: Vec<&str> = found.iter().map(|c| &text[c.span.clone()]).collect();
        assert_eq!(slices, written, "{text:?}");
        for c in &found {
            assert_eq!(c.number.written, &text[c.span.clone()]);
            assert_eq!(c.link, c.span);
        }
    }
}

/// The grammar sees NFC text: decomposed input is normalised back to the written text first,
/// so it is read like it (the build's NFD twin test checks the whole path).
#[test]
fn nfd_input_normalised_first_gives_the_same_result() {
    let texts = FOUND.iter().map(|(t, _)| *t).chain(NOT_FOUND.iter().copied());
    for text in texts {
        let nfd: String = text.nfd().collect();
        if !text.is_ascii() {
            assert_ne!(nfd, text, "{text:?} has a decomposable letter");
        }
        let back = crate::text::normalize(&nfd);
        assert_eq!(back, text, "{text:?}");
    }
}

/// (key, provision anchor, what the link covers)
type WantProvision = (&'static str, Option<&'static str>, &'static str);

const PROVISIONS: &[(&str, &[WantProvision])] = &[
    (
        "Căn cứ khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP ngày 05/3/2020.",
        &[("30/2020/NĐ-CP", Some("dieu-5-khoan-2"), "khoản 2 Điều 5 Nghị định số 30/2020/NĐ-CP")],
    ),
    (
        "Theo Điều 1 Quyết định số 27/2023/QĐ-UBND, Sở chủ trì.",
        &[("27/2023/QĐ-UBND", Some("dieu-1"), "Điều 1 Quyết định số 27/2023/QĐ-UBND")],
    ),
    (
        "theo điểm a khoản 1 Điều 3 của Quy định số 12-QĐ/TU về",
        &[("12-QĐ/TU", Some("dieu-3-khoan-1"), "điểm a khoản 1 Điều 3 của Quy định số 12-QĐ/TU")],
    ),
    (
        "Quyết định số 1450/QĐ-UBND, Điều 2 quy định rõ.",
        &[("1450/QĐ-UBND", Some("dieu-2"), "1450/QĐ-UBND, Điều 2")],
    ),
    (
        "Nghị quyết số 5-NQ/TU (khoản 3 Điều 4) nêu.",
        &[("5-NQ/TU", Some("dieu-4-khoan-3"), "5-NQ/TU (khoản 3 Điều 4)")],
    ),
    (
        "Quyết định số 1/QĐ-UBND, Điều 2 Quyết định số 2/QĐ-UBND.",
        &[("1/QĐ-UBND", None, "1/QĐ-UBND"), ("2/QĐ-UBND", Some("dieu-2"), "Điều 2 Quyết định số 2/QĐ-UBND")],
    ),
    (
        "Dieu 3 Nghi dinh so 30/2020/ND-CP",
        &[("30/2020/NĐ-CP", Some("dieu-3"), "Dieu 3 Nghi dinh so 30/2020/ND-CP")],
    ),
    (
        "khoản 2 Điều 7 Nghị định 45/2021 quy định",
        &[("45/2021/NĐ-CP", Some("dieu-7-khoan-2"), "khoản 2 Điều 7 Nghị định 45/2021")],
    ),
    // Near misses: the provision is another document's, or not next to the number.
    ("Điều 5 Luật Cán bộ và Nghị định số 30/2020/NĐ-CP.", &[("30/2020/NĐ-CP", None, "30/2020/NĐ-CP")]),
    ("Điều 5 và Nghị định số 30/2020/NĐ-CP.", &[("30/2020/NĐ-CP", None, "30/2020/NĐ-CP")]),
    ("Nghị định số 30/2020/NĐ-CP, Điều lệ Đảng.", &[("30/2020/NĐ-CP", None, "30/2020/NĐ-CP")]),
    ("Nghị định số 30/2020/NĐ-CP, Điều 5 của Luật.", &[("30/2020/NĐ-CP", None, "30/2020/NĐ-CP")]),
    ("các điều kiện tại Nghị định số 30/2020/NĐ-CP", &[("30/2020/NĐ-CP", None, "30/2020/NĐ-CP")]),
    ("Điều 3 số 45-NQ/TU", &[("45-NQ/TU", None, "45-NQ/TU")]),
    ("Điều 3, 46-NQ/TU", &[("46-NQ/TU", None, "46-NQ/TU")]),
    (
        "Kết luận số 11, 12-KL/TU, Điều 2",
        &[("11-KL/TU", None, "11"), ("12-KL/TU", Some("dieu-2"), "12-KL/TU, Điều 2")],
    ),
];

#[test]
fn provisions_next_to_citations() {
    let mut failures = Vec::new();
    for &(text, want) in PROVISIONS {
        let got: Vec<(String, Option<String>, &str)> = find_citations(text)
            .into_iter()
            .map(|c| (c.number.key, c.provision.map(|p| p.anchor()), &text[c.link]))
            .collect();
        let want: Vec<(String, Option<String>, &str)> =
            want.iter().map(|&(k, a, l)| (k.to_string(), a.map(str::to_string), l)).collect();
        if got != want {
            failures.push(format!("{text:?}\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn short_forms_without_a_fixed_code_are_partial() {
    let partial = |text: &str| find_citations(text).iter().map(|c| c.partial).collect::<Vec<_>>();
    assert_eq!(partial("Thông tư 08/2022 của Bộ Tài chính"), vec![true]);
    assert_eq!(partial("Nghị định 45/2021 của Chính phủ"), vec![false]);
    assert_eq!(partial("Thông tư số 08/2022/TT-BTC"), vec![false]);
}

#[test]
fn list_items_show_the_shared_suffix() {
    let text = "các Kết luận số 11, 12-KL/TU";
    let found = find_citations(text);
    let shown: Vec<(&str, &str)> =
        found.iter().map(|c| (&text[c.span.clone()], c.number.written.as_str())).collect();
    assert_eq!(shown, vec![("11", "11-KL/TU"), ("12-KL/TU", "12-KL/TU")]);
}

#[test]
fn text_without_slash_is_skipped() {
    assert!(find_citations("Nghị quyết số 5 ngày 22 tháng 5 năm 2024").is_empty());
    assert!(find_citations("").is_empty());
}

#[test]
fn slash_lookalike_counts_as_slash() {
    assert_eq!(run("Chỉ thị số 04-CT\u{2215}TU"), want(&[("4-CT/TU", Some("Chỉ thị"), None)]));
}

#[test]
fn a_year_written_right_after_the_number_is_its_year() {
    let year = |text: &str| find_citations(text).first().map(|c| (c.year, c.date.map(|d| d.year())));
    let cases = [
        ("Quyết định số 10/QĐ-UBND năm 2023 của Ủy ban nhân dân tỉnh", Some((Some(2023), None))),
        ("theo Quyết định số 10/QĐ-UBND năm 2023.", Some((Some(2023), None))),
        ("Quyết định số 10/QĐ-UBND nam 2023 (không dấu)", Some((Some(2023), None))),
        // A date says the year itself.
        ("Quyết định số 10/QĐ-UBND ngày 5/1/2023", Some((None, Some(2023)))),
        // Near misses: a clause of its own, a span of years, a school year, a longer number,
        // a word between, a date.
        ("Quyết định số 10/QĐ-UBND, năm 2023 tỉnh đã", Some((None, None))),
        ("Kế hoạch số 5-KH/TU năm 2023-2025", Some((None, None))),
        ("Kế hoạch số 5-KH/TU năm 2023–2025", Some((None, None))),
        ("Kế hoạch số 5-KH/TU năm học 2023", Some((None, None))),
        ("Kế hoạch số 5-KH/TU năm 20231", Some((None, None))),
        ("Kế hoạch số 5-KH/TU trong năm 2023", Some((None, None))),
        ("Kế hoạch số 5-KH/TU năm 2023/2024", Some((None, None))),
        ("Kế hoạch số 5-KH/TU năm 1899", Some((None, None))),
        // A capital opens a sentence; a number carrying its year is of that year.
        ("Quyết định số 10/QĐ-UBND Năm 2023", Some((None, None))),
        ("Quyết định số 30/2020/QĐ-UBND năm 2023", Some((None, None))),
    ];
    for (text, expected) in cases {
        assert_eq!(year(text), expected, "{text}");
    }
}

#[test]
fn full_width_digits_and_letters_count_as_ascii() {
    assert_eq!(run("Thông báo số ５２-TB/TU"), want(&[("52-TB/TU", Some("Thông báo"), None)]));
    assert_eq!(run("Thông báo số ５２-ＴＢ/ＴＵ"), want(&[("52-TB/TU", Some("Thông báo"), None)]));
    // A near miss: full-width digits alone make no number.
    assert!(find_citations("năm ２０２４ có ５ đợt").is_empty());
}
