//! The words of the corpus: people, tags, topics, phrases, recipients, and small text helpers.

use super::*;

/// Bodies outside the archive that notices cite; listed in site.yaml for display.
pub(crate) const CENTRAL_ISSUERS: &[(&str, &str)] = &[
    ("TW", "Ban Chấp hành Trung ương Đảng"),
    ("VPTW", "Văn phòng Trung ương Đảng"),
    ("CP", "Chính phủ"),
    ("TTg", "Thủ tướng Chính phủ"),
    ("BNV", "Bộ Nội vụ"),
];

/// Fictional officials who sign the notices.
pub(crate) const NAMES: &[&str] = &[
    "Hoàng Văn Khánh",
    "Nông Thị Bích Hạnh",
    "Lương Đức Tùng",
    "Vi Văn Thành",
    "Đinh Thị Mai Lan",
    "Trần Quốc Huy",
    "Phạm Thị Thu Trang",
    "Lý Văn Sơn",
    "Mã Thị Hồng Nhung",
    "Nguyễn Đình Phúc",
    "Hà Văn Lực",
    "Chu Thị Ngọc Ánh",
    "Lâm Quang Đạo",
    "Bế Văn Toàn",
    "Triệu Thị Hương",
    "Vũ Mạnh Cường",
    "Đặng Văn Bình",
    "Hoàng Thị Yến",
    "Nguyễn Thị Thanh Xuân",
    "Tô Văn Hùng",
    "Lộc Thị Phương",
    "Đoàn Minh Tuấn",
    "Bùi Thị Kim Oanh",
    "Ngô Quang Vinh",
    "Dương Văn Hải",
    "Tạ Thị Lệ Thủy",
    "Phùng Văn Đức",
    "Mai Xuân Trường",
    "Lăng Văn Nghĩa",
    "Âu Thị Diệu Linh",
    "Ứng Văn Quý",
];

pub(crate) const TAGS: &[&str] = &[
    "xây dựng Đảng",
    "công tác cán bộ",
    "kiểm tra, giám sát",
    "tuyên giáo",
    "dân vận",
    "nội chính",
    "phòng, chống tham nhũng",
    "chuyển đổi số",
    "cải cách hành chính",
    "kinh tế - xã hội",
    "tài chính, ngân sách",
    "đầu tư công",
    "nông nghiệp, nông thôn",
    "giảm nghèo",
    "giáo dục, đào tạo",
    "y tế",
    "văn hóa, thể thao, du lịch",
    "môi trường",
    "quốc phòng, an ninh",
    "đối ngoại",
    "dân tộc, tôn giáo",
    "tổ chức bộ máy",
    "thi đua, khen thưởng",
    "văn thư, lưu trữ",
    "khoa học, công nghệ",
    "kinh tế cửa khẩu",
];

/// Subjects of notices, with the index of their tag in `TAGS`.
pub(crate) const TOPICS: &[(&str, usize)] = &[
    ("công tác cán bộ và quản lý cán bộ", 1),
    ("công tác quy hoạch, đào tạo, bồi dưỡng cán bộ", 1),
    ("phát triển đảng viên và nâng cao chất lượng tổ chức cơ sở đảng", 0),
    ("nâng cao chất lượng sinh hoạt chi bộ", 0),
    ("công tác kiểm tra, giám sát và thi hành kỷ luật đảng", 2),
    ("công tác bảo vệ chính trị nội bộ", 0),
    ("bảo vệ nền tảng tư tưởng của Đảng", 3),
    ("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", 3),
    ("công tác dân vận của hệ thống chính trị", 4),
    ("thực hiện quy chế dân chủ ở cơ sở", 4),
    ("phòng, chống tham nhũng, lãng phí, tiêu cực", 6),
    ("công tác nội chính và cải cách tư pháp", 5),
    ("chuyển đổi số trong các cơ quan đảng, chính quyền", 7),
    ("xây dựng chính quyền số và đô thị thông minh", 7),
    ("cải cách hành chính và nâng cao chỉ số năng lực cạnh tranh cấp tỉnh", 8),
    ("phát triển kinh tế - xã hội gắn với bảo đảm quốc phòng, an ninh", 9),
    ("thu, chi ngân sách nhà nước", 10),
    ("thực hành tiết kiệm, chống lãng phí", 10),
    ("giải ngân vốn đầu tư công", 11),
    ("phát triển kết cấu hạ tầng giao thông", 11),
    ("xây dựng nông thôn mới", 12),
    ("phát triển nông nghiệp hàng hóa gắn với chuỗi giá trị", 12),
    ("giảm nghèo bền vững", 13),
    ("đổi mới căn bản, toàn diện giáo dục và đào tạo", 14),
    ("chăm sóc, bảo vệ và nâng cao sức khỏe nhân dân", 15),
    ("phát triển du lịch", 16),
    ("xây dựng và phát huy giá trị văn hóa, con người", 16),
    ("bảo vệ môi trường và ứng phó với biến đổi khí hậu", 17),
    ("quản lý, bảo vệ và phát triển rừng", 17),
    ("xây dựng khu vực phòng thủ vững chắc", 18),
    ("bảo đảm an ninh, trật tự khu vực biên giới", 18),
    ("công tác đối ngoại và hợp tác quốc tế", 19),
    ("công tác dân tộc, tôn giáo", 20),
    ("sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả", 21),
    ("sắp xếp đơn vị hành chính cấp xã", 21),
    ("công tác thi đua, khen thưởng", 22),
    ("công tác văn thư, lưu trữ", 23),
    ("phát triển khoa học, công nghệ và đổi mới sáng tạo", 24),
    ("phát triển kinh tế cửa khẩu và dịch vụ logistics", 25),
];

pub(crate) const ORGS: &[&str] = &[
    "Ban Tổ chức Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Dân vận Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Văn phòng Tỉnh ủy",
    "Ban Nội chính Tỉnh ủy",
    "Đảng đoàn Hội đồng nhân dân tỉnh",
    "Ban cán sự đảng Ủy ban nhân dân tỉnh",
    "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Khoa học và Công nghệ",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Công an tỉnh",
    "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
    "Ủy ban nhân dân huyện Tân Lập",
    "Trường Chính trị tỉnh",
    "Báo Bắc Lâm",
];

pub(crate) const GOALS: &[&str] = &[
    "100% cơ quan đảng, chính quyền cấp tỉnh vận hành hệ thống quản lý văn bản điện tử liên thông",
    "tỷ lệ hộ nghèo giảm bình quân trên 2% mỗi năm",
    "có ít nhất 70% số xã đạt chuẩn nông thôn mới",
    "tốc độ tăng trưởng kinh tế bình quân đạt từ 7% trở lên",
    "100% tổ chức cơ sở đảng được kiểm tra, giám sát ít nhất một lần trong nhiệm kỳ",
    "tỷ lệ che phủ rừng duy trì ổn định trên 63%",
    "95% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến",
    "hằng năm kết nạp từ 1.500 đảng viên mới trở lên",
    "100% trường học được kết nối mạng và sử dụng học bạ số",
    "tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 98%",
];

/// Sentences of administrative prose without citations.
pub(crate) const PLAIN: &[&str] = &[
    "Trong {period}, {org} đã chủ động tham mưu, đề xuất nhiều giải pháp thiết thực nhằm nâng cao hiệu quả {topic}.",
    "Việc lãnh đạo, chỉ đạo đối với {topic} tiếp tục được quan tâm và đạt được một số kết quả quan trọng, góp phần hoàn thành các chỉ tiêu, nhiệm vụ năm {year}.",
    "Tuy nhiên, việc triển khai ở một số địa phương, đơn vị còn chậm, chưa đồng bộ; công tác phối hợp giữa các cơ quan có lúc chưa chặt chẽ.",
    "Nguyên nhân của những hạn chế nêu trên chủ yếu là do nhận thức của một bộ phận cán bộ, đảng viên chưa đầy đủ; nguồn lực đầu tư còn hạn chế.",
    "Yêu cầu {org} tập trung rà soát, đánh giá toàn diện kết quả thực hiện, làm rõ những khó khăn, vướng mắc và đề xuất giải pháp khắc phục {deadline}.",
    "Tỷ lệ hoàn thành các chỉ tiêu được giao đạt {pct}%, tăng {pct2}% so với cùng kỳ năm {prev_year}.",
    "Toàn tỉnh đã tổ chức {n} hội nghị quán triệt, tuyên truyền với hơn {big} lượt cán bộ, đảng viên và quần chúng nhân dân tham gia.",
    "Các cấp ủy, tổ chức đảng cần nâng cao vai trò, trách nhiệm của người đứng đầu trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ về {topic}.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong quản lý, điều hành, bảo đảm thông suốt, hiệu quả và an toàn thông tin.",
    "Thường xuyên kiểm tra, đôn đốc, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình tổ chức thực hiện.",
    "Giao {org} chủ trì, phối hợp với {org2} theo dõi, đôn đốc và định kỳ báo cáo kết quả thực hiện về Thường trực {scope}.",
    "Đồng chí {leader} ghi nhận, biểu dương những kết quả mà {org} đạt được trong thời gian qua.",
    "Bên cạnh những kết quả đạt được, vẫn còn một số tồn tại cần sớm được khắc phục, nhất là trong {topic}.",
    "Chất lượng tham mưu ở một số lĩnh vực chưa cao; việc cụ thể hóa các chủ trương của cấp trên có nội dung còn chung chung, thiếu giải pháp đột phá.",
    "Tập trung nguồn lực thực hiện hiệu quả các chương trình mục tiêu quốc gia trên địa bàn, ưu tiên các xã đặc biệt khó khăn, xã biên giới.",
    "Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích tiêu biểu; đồng thời xử lý nghiêm các trường hợp vi phạm.",
    "Làm tốt công tác tuyên truyền để cán bộ, đảng viên và nhân dân hiểu rõ, đồng thuận và tích cực tham gia thực hiện.",
    "Quá trình triển khai phải bảo đảm đúng quy định, công khai, minh bạch, không để xảy ra sai sót, gây bức xúc trong dư luận.",
    "Năm {year}, tổng thu ngân sách nhà nước trên địa bàn ước đạt {big} tỷ đồng, bằng {pct}% dự toán được giao.",
    "Đến nay, toàn tỉnh đã có {n} xã đạt chuẩn nông thôn mới, trong đó {small} xã đạt chuẩn nông thôn mới nâng cao.",
    "Tỷ lệ hộ nghèo giảm còn {small_pct}%, vượt chỉ tiêu đã đề ra cho năm {year}.",
    "Hệ thống văn bản của cấp ủy được ban hành kịp thời, đúng thẩm quyền, bảo đảm thể thức và kỹ thuật trình bày.",
    "Công tác kiểm tra, giám sát được tiến hành thường xuyên, có trọng tâm, trọng điểm; qua kiểm tra đã kịp thời chấn chỉnh những thiếu sót, khuyết điểm.",
    "Đội ngũ cán bộ từng bước được chuẩn hóa, trẻ hóa; tỷ lệ cán bộ nữ, cán bộ người dân tộc thiểu số trong cấp ủy đạt {small_pct2}%.",
    "Rà soát, sắp xếp, kiện toàn tổ chức bộ máy theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả, gắn với tinh giản biên chế.",
    "Chủ động nắm chắc tình hình tư tưởng của cán bộ, đảng viên và nhân dân, nhất là trước, trong và sau khi thực hiện các chủ trương lớn.",
    "Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong giám sát, phản biện xã hội và tham gia góp ý xây dựng Đảng, xây dựng chính quyền.",
    "Các đơn vị khẩn trương xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ thời gian, rõ trách nhiệm và rõ kết quả.",
    "Kết quả thực hiện là một trong những tiêu chí để đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên hằng năm.",
    "Tăng cường phối hợp giữa {org} với {org2} trong trao đổi thông tin, giải quyết công việc liên ngành.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về {org} để tổng hợp, báo cáo.",
    "Ngày {day_before}, đồng chí {leader} đã chủ trì cuộc họp nghe báo cáo tiến độ thực hiện các nhiệm vụ về {topic}.",
    "Nhìn chung, {org} đã bám sát chức năng, nhiệm vụ, chủ động triển khai các nhiệm vụ trọng tâm và đạt kết quả tích cực.",
    "Tiếp tục đổi mới nội dung, phương thức lãnh đạo của cấp ủy theo hướng sát cơ sở, sát thực tiễn, nói đi đôi với làm.",
    "Nâng cao chất lượng sinh hoạt chi bộ, chú trọng sinh hoạt chuyên đề gắn với nhiệm vụ chính trị của từng địa phương, đơn vị.",
    "Quản lý chặt chẽ đất đai, tài nguyên, khoáng sản; kiên quyết xử lý các trường hợp vi phạm pháp luật về bảo vệ môi trường.",
    "Huy động tối đa các nguồn lực xã hội hóa để đầu tư kết cấu hạ tầng kinh tế - xã hội, nhất là hạ tầng giao thông kết nối các khu kinh tế cửa khẩu.",
    "Giải ngân vốn đầu tư công đến ngày {day_before} đạt {pct}% kế hoạch; một số dự án trọng điểm còn chậm tiến độ do vướng mắc trong giải phóng mặt bằng.",
    "Duy trì nghiêm chế độ trực sẵn sàng chiến đấu, bảo đảm an ninh chính trị, trật tự an toàn xã hội, không để bị động, bất ngờ trong mọi tình huống.",
    "Chú trọng đào tạo, bồi dưỡng nâng cao trình độ chuyên môn, kỹ năng số cho đội ngũ cán bộ, công chức, viên chức.",
    "Việc lưu trữ hồ sơ, tài liệu được thực hiện đúng quy định; từng bước số hóa tài liệu lưu trữ lịch sử của tỉnh.",
    "Đề nghị các đồng chí Ủy viên Ban Thường vụ phụ trách địa bàn tăng cường theo dõi, chỉ đạo sát sao việc thực hiện ở cơ sở.",
    "Công tác chăm sóc sức khỏe nhân dân có nhiều chuyển biến; tỷ lệ dân số tham gia bảo hiểm y tế đạt {pct}%.",
    "Chất lượng giáo dục toàn diện được nâng lên; tỷ lệ trường đạt chuẩn quốc gia đạt {small_pct2}%.",
    "Lượng khách du lịch đến tỉnh năm {year} ước đạt {big} nghìn lượt, tổng thu từ du lịch tăng {pct2}% so với năm trước.",
    "Thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; giữ gìn đoàn kết, thống nhất trong nội bộ.",
    "Cấp ủy các cấp cần xác định đây là nhiệm vụ trọng tâm, thường xuyên, lâu dài, gắn với trách nhiệm của người đứng đầu.",
    "Trường hợp cần thiết, {org} chủ động báo cáo, đề xuất Thường trực {scope} xem xét, cho ý kiến chỉ đạo.",
    "Phấn đấu đến năm {fyear}, {goal}.",
    "Qua theo dõi, có {small} cơ quan, đơn vị chưa gửi báo cáo đúng thời hạn, ảnh hưởng đến việc tổng hợp chung của tỉnh.",
];

/// Sentences that carry one citation (`{cite}`) or several (`{cites}`, two `{cite}`).
pub(crate) const CITING: &[&str] = &[
    "Thực hiện {cite}, {org} đã ban hành kế hoạch triển khai và tổ chức quán triệt đến toàn thể cán bộ, đảng viên.",
    "Căn cứ {cite}, các cơ quan, đơn vị xây dựng chương trình, kế hoạch cụ thể để tổ chức thực hiện phù hợp với điều kiện thực tế.",
    "Sau {small} năm triển khai {cite}, nhận thức của cấp ủy, chính quyền và cán bộ, đảng viên về {topic} có chuyển biến rõ nét.",
    "Tiếp tục quán triệt, triển khai thực hiện nghiêm túc, hiệu quả {cite}; gắn với thực hiện các nhiệm vụ chính trị trọng tâm của địa phương.",
    "Việc thực hiện {cite} còn một số hạn chế: tiến độ một số nhiệm vụ chậm so với yêu cầu, nguồn lực bố trí chưa đáp ứng.",
    "Đề nghị {org} rà soát các nhiệm vụ được giao tại {cite}; báo cáo kết quả {deadline}.",
    "Bám sát mục tiêu, nhiệm vụ, giải pháp đã đề ra tại {cite}, tập trung chỉ đạo hoàn thành các chỉ tiêu còn đạt thấp.",
    "Ban Thường vụ đã ban hành {cite} để lãnh đạo, chỉ đạo thống nhất trong toàn Đảng bộ.",
    "Theo {cite}, đến năm {fyear} phấn đấu {goal}.",
    "Nội dung này đã được cụ thể hóa tại {cite} và được các địa phương triển khai tương đối đồng bộ.",
    "Kết quả sơ kết cho thấy {cite} đã đi vào cuộc sống, tạo chuyển biến tích cực trong {topic}.",
    "Giao {org} chủ trì tham mưu tổng kết {cite}, đề xuất ban hành văn bản mới phù hợp với tình hình thực tế.",
    "Các nội dung không trái với quy định tại {cite} tiếp tục được thực hiện cho đến khi có hướng dẫn mới.",
    "Gắn việc thực hiện {cite} với việc thực hiện {cite} nhằm bảo đảm sự thống nhất, đồng bộ trong lãnh đạo, chỉ đạo.",
    "Lồng ghép nội dung {cite} vào chương trình sinh hoạt chi bộ định kỳ hằng tháng.",
    "Chi tiết các nhiệm vụ được giao thực hiện theo {cite} và các văn bản hướng dẫn có liên quan.",
    "Thực hiện {cites}, {org} đã chủ động xây dựng kế hoạch và phân công nhiệm vụ cụ thể cho từng bộ phận.",
    "Quán triệt sâu sắc {cites} đến từng chi bộ, từng cán bộ, đảng viên trong toàn Đảng bộ.",
];

/// How many citations a template writes (a `{cites}` list writes at least two).
pub(crate) fn cite_slots(template: &str) -> usize {
    template.matches("{cite}").count() + 2 * template.matches("{cites}").count()
}

pub(crate) const SUB_LABELS: &[&str] = &[
    "Về công tác chính trị, tư tưởng",
    "Về công tác tổ chức, cán bộ",
    "Về công tác kiểm tra, giám sát",
    "Về công tác dân vận",
    "Về phát triển kinh tế",
    "Về lĩnh vực văn hóa - xã hội",
    "Về quốc phòng, an ninh",
    "Về chuyển đổi số",
    "Về cải cách hành chính",
    "Về công tác phối hợp",
    "Về chế độ thông tin, báo cáo",
    "Về kết quả thực hiện",
    "Về những hạn chế, tồn tại",
    "Về nhiệm vụ thời gian tới",
    "Về tài chính, ngân sách",
    "Về đầu tư công",
];

pub(crate) const PLAN_LABELS: &[&str] = &[
    "Mục đích",
    "Yêu cầu",
    "Mục tiêu chung",
    "Mục tiêu cụ thể",
    "Nhiệm vụ trọng tâm",
    "Giải pháp chủ yếu",
    "Phân công nhiệm vụ",
    "Chế độ báo cáo",
    "Kết quả đạt được",
    "Hạn chế, nguyên nhân",
    "Bài học kinh nghiệm",
];

pub(crate) const EXTRA_HEADS: &[&str] = &[
    "NHIỆM VỤ CỤ THỂ",
    "GIẢI PHÁP CHỦ YẾU",
    "PHÂN CÔNG THỰC HIỆN",
    "CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
    "MỘT SỐ NHIỆM VỤ KHÁC",
];

pub(crate) const TASKS: &[&str] = &[
    "Tổ chức quán triệt, phổ biến nội dung văn bản đến toàn thể cán bộ, đảng viên",
    "Xây dựng kế hoạch kiểm tra, giám sát chuyên đề năm {year}",
    "Rà soát, bổ sung quy hoạch cán bộ các cấp",
    "Đẩy mạnh cải cách thủ tục hành chính, nâng cao tỷ lệ hồ sơ giải quyết trực tuyến",
    "Tăng cường công tác thông tin, tuyên truyền trên các phương tiện thông tin đại chúng",
    "Kiện toàn ban chỉ đạo, tổ giúp việc các cấp",
    "Bố trí kinh phí bảo đảm cho việc triển khai thực hiện",
    "Định kỳ 6 tháng, hằng năm sơ kết, đánh giá kết quả thực hiện",
    "Phát hiện, nhân rộng các mô hình hay, cách làm hiệu quả",
    "Nâng cao chất lượng, hiệu quả hoạt động của các cơ quan tham mưu, giúp việc",
    "Số hóa hồ sơ, tài liệu và kết nối liên thông hệ thống quản lý văn bản",
    "Chú trọng tạo nguồn cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số",
    "Giải quyết dứt điểm đơn thư khiếu nại, tố cáo ngay từ cơ sở",
    "Tổ chức hội nghị sơ kết, tổng kết và biểu dương, khen thưởng kịp thời",
    "Theo dõi, nắm bắt dư luận xã hội, kịp thời định hướng thông tin",
    "Đôn đốc các dự án trọng điểm, tháo gỡ vướng mắc về giải phóng mặt bằng",
    "Bảo đảm an toàn, an ninh mạng đối với hệ thống thông tin của cơ quan",
    "Tăng cường phối hợp với Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
    "Rà soát, sửa đổi, bổ sung quy chế làm việc cho phù hợp",
    "Thực hiện nghiêm chế độ thông tin, báo cáo định kỳ và đột xuất",
    "Ưu tiên nguồn lực cho các xã đặc biệt khó khăn, xã biên giới",
    "Kiểm tra việc thực hiện kết luận sau kiểm tra, giám sát",
];

pub(crate) const STATS: &[(&str, &str)] = &[
    ("Tốc độ tăng trưởng tổng sản phẩm trên địa bàn", "%"),
    ("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng"),
    ("Số xã đạt chuẩn nông thôn mới", "xã"),
    ("Tỷ lệ hộ nghèo", "%"),
    ("Số đảng viên mới được kết nạp", "đảng viên"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%"),
    ("Tỷ lệ hồ sơ giải quyết trực tuyến", "%"),
    ("Số cuộc kiểm tra, giám sát", "cuộc"),
    ("Tỷ lệ che phủ rừng", "%"),
    ("Số lượt khách du lịch", "nghìn lượt"),
    ("Số tổ chức cơ sở đảng được kiện toàn", "tổ chức"),
];

pub(crate) const GENERAL_ARTICLES: &[&str] =
    &["Phạm vi điều chỉnh", "Đối tượng áp dụng", "Giải thích từ ngữ", "Nguyên tắc thực hiện"];
pub(crate) const FINAL_ARTICLES: &[&str] = &["Tổ chức thực hiện", "Điều khoản thi hành", "Sửa đổi, bổ sung"];

pub(crate) const ARTICLES: &[&str] = &[
    "Thẩm quyền quyết định",
    "Quy trình thực hiện",
    "Hồ sơ, thủ tục",
    "Tiêu chuẩn, điều kiện",
    "Quan hệ phối hợp",
    "Chế độ thông tin, báo cáo",
    "Kinh phí thực hiện",
    "Khen thưởng và xử lý vi phạm",
    "Thời hạn giải quyết",
    "Kiểm tra, giám sát việc thực hiện",
    "Lưu trữ hồ sơ",
    "Công khai kết quả",
];

pub(crate) const CHAPTERS: &[&str] = &[
    "QUY ĐỊNH CHUNG",
    "NHỮNG QUY ĐỊNH CỤ THỂ",
    "TIÊU CHUẨN, ĐIỀU KIỆN VÀ QUY TRÌNH",
    "TRÁCH NHIỆM VÀ QUAN HỆ PHỐI HỢP",
    "CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
    "KINH PHÍ VÀ ĐIỀU KIỆN BẢO ĐẢM",
    "KHEN THƯỞNG, XỬ LÝ VI PHẠM",
    "TỔ CHỨC THỰC HIỆN",
];

pub(crate) const PARTY_RECIPIENTS: &[&str] = &[
    "Ban Thường vụ Tỉnh ủy (b/c)",
    "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy",
    "Các đồng chí Tỉnh ủy viên",
    "Các ban xây dựng Đảng của Tỉnh ủy",
    "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
    "Đảng đoàn Hội đồng nhân dân tỉnh",
    "Ban cán sự đảng Ủy ban nhân dân tỉnh",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Các sở, ban, ngành, đoàn thể tỉnh",
    "Báo Bắc Lâm, Đài Phát thanh và Truyền hình tỉnh",
];

pub(crate) const STATE_RECIPIENTS: &[&str] = &[
    "Thường trực Tỉnh ủy (b/c)",
    "Thường trực Hội đồng nhân dân tỉnh",
    "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh",
    "Các sở, ban, ngành tỉnh",
    "Ủy ban nhân dân các huyện, thành phố",
    "Cổng Thông tin điện tử tỉnh",
    "Kho bạc Nhà nước tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
];

/// Documents outside the archive: type word, number, date, body, subject.
pub(crate) const EXTERNAL: &[(&str, &str, Date, &str, &str)] = &[
    (
        "Thông tư",
        "01/2011/TT-BNV",
        date(2011, 1, 19),
        "Bộ Nội vụ",
        "hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính",
    ),
    (
        "Chỉ thị",
        "03-CT/TW",
        date(2011, 5, 14),
        "Bộ Chính trị",
        "tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
    ),
    (
        "Nghị quyết",
        "39-NQ/TW",
        date(2015, 4, 17),
        "Bộ Chính trị",
        "tinh giản biên chế và cơ cấu lại đội ngũ cán bộ, công chức, viên chức",
    ),
    (
        "Chỉ thị",
        "05-CT/TW",
        date(2016, 5, 15),
        "Bộ Chính trị",
        "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "Quyết định",
        "1600/QĐ-TTg",
        date(2016, 8, 16),
        "Thủ tướng Chính phủ",
        "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2016-2020",
    ),
    (
        "Nghị quyết",
        "18-NQ/TW",
        date(2017, 10, 25),
        "Ban Chấp hành Trung ương Đảng",
        "tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
    ),
    (
        "Nghị quyết",
        "19-NQ/TW",
        date(2017, 10, 25),
        "Ban Chấp hành Trung ương Đảng",
        "tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập",
    ),
    (
        "Hướng dẫn",
        "36-HD/VPTW",
        date(2018, 4, 3),
        "Văn phòng Trung ương Đảng",
        "thể thức và kỹ thuật trình bày văn bản của Đảng",
    ),
    (
        "Nghị quyết",
        "26-NQ/TW",
        date(2018, 5, 19),
        "Ban Chấp hành Trung ương Đảng",
        "tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược",
    ),
    (
        "Nghị quyết",
        "35-NQ/TW",
        date(2018, 10, 22),
        "Bộ Chính trị",
        "tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới",
    ),
    (
        "Nghị quyết",
        "52-NQ/TW",
        date(2019, 9, 27),
        "Bộ Chính trị",
        "một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư",
    ),
    ("Nghị định", "30/2020/NĐ-CP", date(2020, 3, 5), "Chính phủ", "công tác văn thư"),
    (
        "Quyết định",
        "749/QĐ-TTg",
        date(2020, 6, 3),
        "Thủ tướng Chính phủ",
        "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
    ),
    (
        "Kết luận",
        "01-KL/TW",
        date(2021, 5, 18),
        "Bộ Chính trị",
        "tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "Quy định",
        "22-QĐ/TW",
        date(2021, 7, 28),
        "Ban Chấp hành Trung ương Đảng",
        "công tác kiểm tra, giám sát và kỷ luật của Đảng",
    ),
    (
        "Kết luận",
        "14-KL/TW",
        date(2021, 9, 22),
        "Bộ Chính trị",
        "chủ trương khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung",
    ),
    (
        "Quyết định",
        "1719/QĐ-TTg",
        date(2021, 10, 14),
        "Thủ tướng Chính phủ",
        "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    ),
    (
        "Kết luận",
        "21-KL/TW",
        date(2021, 10, 25),
        "Ban Chấp hành Trung ương Đảng",
        "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    ),
    (
        "Nghị quyết",
        "27-NQ/TW",
        date(2022, 11, 9),
        "Ban Chấp hành Trung ương Đảng",
        "tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới",
    ),
    (
        "Nghị định",
        "24/2023/NĐ-CP",
        date(2023, 5, 14),
        "Chính phủ",
        "mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
    ),
    (
        "Quy định",
        "144-QĐ/TW",
        date(2024, 5, 9),
        "Bộ Chính trị",
        "chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới",
    ),
    (
        "Chỉ thị",
        "35-CT/TW",
        date(2024, 6, 14),
        "Bộ Chính trị",
        "đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
    ),
    (
        "Nghị quyết",
        "57-NQ/TW",
        date(2024, 12, 22),
        "Bộ Chính trị",
        "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    ),
];

pub(crate) const ROMAN: &[&str] =
    &["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

pub(crate) fn roman(n: usize) -> &'static str {
    ROMAN[(n.max(1) - 1).min(ROMAN.len() - 1)]
}

// ---------------------------------------------------------------------------
// Small text helpers
// ---------------------------------------------------------------------------

pub(crate) fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Vietnamese thousands separator: 12345 → "12.345".
pub(crate) fn vn_int(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A percentage with a decimal comma, between `lo` and `hi` (whole percent).
pub(crate) fn vn_pct(rng: &mut Rng, lo: usize, hi: usize) -> String {
    format!("{},{}", rng.range(lo, hi), rng.below(10))
}

pub(crate) fn ascii_fold(c: char) -> char {
    match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ' | 'ẫ'
        | 'ậ' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' => 'e',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' => 'i',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở' | 'ỡ'
        | 'ợ' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' => 'u',
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' => 'y',
        'đ' => 'd',
        other => other,
    }
}

/// ASCII slug: "Thông báo 45-TB/VPTU" → "thong-bao-45-tb-vptu".
pub(crate) fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase).map(ascii_fold) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A YAML double-quoted scalar.
pub(crate) fn yq(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
