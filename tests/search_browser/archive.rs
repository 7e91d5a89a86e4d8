//! The small archive the search tests build once: fifteen notices written for the tests and
//! a long notice of generated place names.

use super::*;
use std::sync::OnceLock;

pub(crate) fn front(number: &str, date: &str, title: &str, issuer: &str) -> String {
    format!("number: {number}\ntitle: {title}\nissuer: {issuer}\ndate: {date}")
}

/// Fifteen notices. The phrase "tổ chức cán bộ" is in 12-TB/VPTU (title), 08-ĐA/TU and
/// 21-KL/TU (body); 1234/QĐ-UBND, 16-CT/TU and 05-HD/BTCTU have both words, apart (16-CT/TU
/// with "Căn cứ" and "bổ sung" too). "Đồng Lâm" is in 40-TB/VPTU only; 41-TB/VPTU has "đồng" and
/// "làm" (and the only "đang"), 19-BC/TU "lâm" and "Đông".
/// "Thực hiện nghiêm túc" and "khoản 2 Điều 5" are in 52-TB/VPTU; 53-TB/VPTU holds the pairs
/// of words of each apart.
/// 45-TB/VPTU is used in 2023 and in 2024; 162-NQ/TU is cited by 03-KH/TU, and 162/QĐ-UBND
/// is the newest notice of all.
pub(crate) fn notices() -> Vec<(&'static str, String)> {
    let vptu = "Văn phòng Tỉnh ủy";
    let tu = "Ban Thường vụ Tỉnh ủy";
    let ubnd = "Ủy ban nhân dân tỉnh";
    vec![
        (
            "12-tb.md",
            notice(
                &front(
                    "12-TB/VPTU",
                    "2024-03-04",
                    "Kết luận về công tác tổ chức cán bộ quý I năm 2024",
                    vptu,
                ),
                "Thường trực Tỉnh ủy đã nghe Ban Tổ chức Tỉnh ủy báo cáo tình hình thực hiện các \
                 quy định về luân chuyển, điều động và bổ nhiệm trong quý I.",
            ),
        ),
        (
            "162-nq.md",
            notice(
                &front("162-NQ/TU", "2024-05-22", "Nghị quyết về chuyển đổi số trong hệ thống chính trị", tu),
                "Ban Chấp hành Đảng bộ tỉnh thống nhất đẩy mạnh chuyển đổi số, xây dựng chính quyền \
                 số và kinh tế số đến năm 2030.",
            ),
        ),
        (
            "08-da.md",
            notice(
                &front("08-ĐA/TU", "2023-07-04", "Đề án kiện toàn bộ máy các cơ quan tham mưu", tu),
                "Mục tiêu của Đề án là tinh gọn đầu mối.\n\n**1. Về tổ chức cán bộ:** rà soát vị \
                 trí việc làm, sắp xếp lại các phòng chuyên môn theo hướng giảm cấp trung gian.",
            ),
        ),
        (
            "45-tb-2023.md",
            notice(
                &front("45-TB/VPTU", "2023-02-10", "Thông báo lịch tiếp công dân tháng 3 năm 2023", vptu),
                "Thường trực Tỉnh ủy tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở Tiếp \
                 công dân của tỉnh.",
            ),
        ),
        (
            "45-tb-2024.md",
            notice(
                &front("45-TB/VPTU", "2024-02-15", "Thông báo lịch tiếp công dân tháng 3 năm 2024", vptu),
                "Lịch tiếp công dân của đồng chí Bí thư Tỉnh ủy trong tháng 3 được điều chỉnh do \
                 trùng lịch họp Ban Chấp hành.",
            ),
        ),
        (
            "1234-qd.md",
            notice(
                &front(
                    "1234/QĐ-UBND",
                    "2024-08-01",
                    "Quyết định ban hành quy chế quản lý cán bộ, công chức",
                    ubnd,
                ),
                "Các sở, ngành có trách nhiệm tổ chức thực hiện Quyết định này; cán bộ, công chức \
                 vi phạm bị xử lý theo quy định.",
            ),
        ),
        (
            "03-kh.md",
            notice(
                &front(
                    "03-KH/TU",
                    "2024-09-10",
                    "Kế hoạch triển khai thực hiện Nghị quyết về chuyển đổi số",
                    tu,
                ),
                "Thực hiện Nghị quyết số 162-NQ/TU, ngày 22/5/2024 của Ban Chấp hành Đảng bộ tỉnh, \
                 Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện.",
            ),
        ),
        (
            "16-ct.md",
            notice(
                &front("16-CT/TU", "2022-11-20", "Chỉ thị về tăng cường kỷ luật, kỷ cương hành chính", tu),
                "Căn cứ Điều lệ Đảng, cấp ủy các cấp tổ chức quán triệt sâu rộng Chỉ thị này; mỗi cán \
                 bộ, đảng viên phải gương mẫu thực hiện, bổ sung quy chế làm việc.",
            ),
        ),
        (
            "40-tb.md",
            notice(
                &front(
                    "40-TB/VPTU",
                    "2024-06-10",
                    "Kết luận của đồng chí Bí thư Tỉnh ủy khi kiểm tra tại xã Đồng Lâm",
                    vptu,
                ),
                "Đoàn công tác đã kiểm tra mô hình trồng rừng của xã Đồng Lâm.",
            ),
        ),
        (
            "41-tb.md",
            notice(
                &front("41-TB/VPTU", "2024-06-20", "Kết luận về công tác dân vận", vptu),
                "Cán bộ phải gần gũi đồng bào, làm việc đúng giờ; tỉnh đang triển khai cuộc vận động.",
            ),
        ),
        (
            "19-bc.md",
            notice(
                &front("19-BC/TU", "2024-07-01", "Báo cáo kết quả phát triển lâm nghiệp vụ Đông", tu),
                "Diện tích rừng trồng mới vụ đông năm nay tăng.",
            ),
        ),
        (
            "21-kl.md",
            notice(
                &front(
                    "21-KL/TU",
                    "2024-10-05",
                    "Kết luận của Ban Thường vụ Tỉnh ủy tại hội nghị giao ban quý III",
                    tu,
                ),
                "**II. VỀ TỔ CHỨC CÁN BỘ**\n\nĐồng ý chủ trương kiện toàn nhân sự Ban Chỉ đạo và giao \
                 Ban Tổ chức Tỉnh ủy hướng dẫn thực hiện.",
            ),
        ),
        (
            "30-bc.md",
            notice(
                &front("30-BC/TU", "2023-12-15", "Báo cáo kết quả công tác hoà giải ở cơ sở năm 2023", tu),
                "Các tổ hoà giải đã hoà giải thành 312 vụ việc, đạt tỷ lệ 86,4%.",
            ),
        ),
        (
            "162-qd.md",
            notice(
                &front(
                    "162/QĐ-UBND",
                    "2024-12-01",
                    "Quyết định phê duyệt danh mục dự án đầu tư công năm 2025",
                    ubnd,
                ),
                "Phê duyệt danh mục gồm 14 dự án; giao Sở Tài chính hướng dẫn thủ tục.",
            ),
        ),
        (
            "52-tb.md",
            notice(
                &front("52-TB/VPTU", "2024-11-05", "Thông báo kết luận kiểm tra nội bộ", vptu),
                "Các phòng thực hiện nghiêm túc quy trình tiếp nhận hồ sơ và báo cáo hằng tuần theo \
                 khoản 2 Điều 5 Quy chế của cơ quan.",
            ),
        ),
        (
            "53-tb.md",
            notice(
                &front("53-TB/VPTU", "2024-11-12", "Thông báo chấn chỉnh kỷ luật hành chính", vptu),
                "Các phòng thực hiện đúng quy trình; người đứng đầu thể hiện nghiêm minh khi xử lý \
                 và nghiêm túc nhận khuyết điểm theo khoản 2 Điều 1, khoản 3 Điều 5.",
            ),
        ),
        (
            "05-hd.md",
            notice(
                &front(
                    "05-HD/BTCTU",
                    "2024-04-01",
                    "Hướng dẫn đánh giá, xếp loại chất lượng cán bộ năm 2024",
                    "Ban Tổ chức Tỉnh ủy",
                ),
                "Việc đánh giá cán bộ được tổ chức từ cơ sở, bảo đảm khách quan, công khai.",
            ),
        ),
    ]
}

/// The archive, built once for all tests of this file.
pub(crate) fn built() -> &'static TestArchive {
    static BUILT: OnceLock<TestArchive> = OnceLock::new();
    BUILT.get_or_init(|| {
        let archive = TestArchive::new();
        archive.write("site.yaml", "title: Kho văn bản thử\n");
        for (file, text) in notices() {
            archive.write(&format!("content/{file}"), &text);
        }
        archive.write("content/phu-luc.md", &appendix());
        archive.build_ok(&[]);
        archive
    })
}

/// A long notice of generated place names, so the index has many terms. None of its
/// syllables folds to a word the tests search for.
pub(crate) fn appendix() -> String {
    let syllables = [
        "an",
        "bình",
        "cao",
        "dương",
        "đông",
        "gia",
        "giang",
        "hà",
        "hải",
        "hưng",
        "khánh",
        "kim",
        "lâm",
        "lạc",
        "long",
        "lộc",
        "minh",
        "mỹ",
        "nam",
        "nghĩa",
        "ngọc",
        "nhân",
        "phong",
        "phú",
        "phúc",
        "quang",
        "sơn",
        "tân",
        "thái",
        "thành",
        "thạch",
        "thanh",
        "thịnh",
        "thuận",
        "tiến",
        "trung",
        "trường",
        "văn",
        "vĩnh",
        "xuân",
        "yên",
        "đức",
        "lợi",
        "đạt",
        "hiệp",
        "khê",
        "lương",
        "mai",
        "ninh",
        "quế",
        "sa",
        "tây",
        "trà",
        "uyên",
        "vân",
        "vinh",
        "bắc",
        "chi",
        "đình",
        "giáp",
        "hồng",
        "kỳ",
        "lam",
        "liên",
        "nga",
        "oanh",
        "quý",
        "sinh",
        "tài",
        "triều",
        "ước",
        "việt",
        "xoan",
        "yến",
    ];
    let mut text = String::new();
    let mut seed: u64 = 7;
    for i in 0..3000 {
        text.push_str("Thôn");
        for _ in 0..6 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push(' ');
            text.push_str(syllables[(seed >> 33) as usize % syllables.len()]);
        }
        text.push_str(if i % 40 == 39 { ".\n\n" } else { ". " });
    }
    notice(
        &front("99-BC/VPTU", "2021-01-05", "Báo cáo danh sách thôn, tổ dân phố", "Văn phòng Tỉnh ủy"),
        &text,
    )
}
