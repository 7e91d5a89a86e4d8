//! The sample Word notices of the import tests, about the fictional province of Sơn Hà. Each
//! one exercises a layout or a kind of markup real files contain.
#![allow(dead_code)]

use crate::docx::*;

/// A state Quyết định with articles, its header and footer in borderless tables.
pub fn quyet_dinh() -> Docx {
    quyet_dinh_numbered(215, 14)
}

/// The Quyết định with another number and day of March 2024.
pub fn quyet_dinh_numbered(number: u32, day: u32) -> Docx {
    Docx::new()
        .push(&state_header(
            &[],
            &["ỦY BAN NHÂN DÂN", "TỈNH SƠN HÀ"],
            &r(&format!("Số: {number}/QĐ-UBND")),
            &format!("Sơn Hà, ngày {day:02} tháng 3 năm 2024"),
        ))
        .push(&pc(&b("QUYẾT ĐỊNH")))
        .push(&pc(&b("Về việc công bố danh mục thủ tục hành chính lĩnh vực văn thư, lưu trữ")))
        .push(&pc(&b("thuộc thẩm quyền giải quyết của Sở Nội vụ tỉnh Sơn Hà")))
        .push(&pc(&r("-------------")))
        .push(&pc(&b("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN HÀ")))
        .push(&p(&i(
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
        )))
        .push(&p(&i("Theo đề nghị của Giám đốc Sở Nội vụ.")))
        .push(&pc(&b("QUYẾT ĐỊNH:")))
        .push(&p(&(b("Điều 1.")
            + &r(
                " Công bố kèm theo Quyết định này danh mục 04 thủ tục hành chính lĩnh vực văn thư, lưu trữ \
                   thuộc thẩm quyền giải quyết của Sở Nội vụ tỉnh Sơn Hà.",
            ))))
        .push(&p(&(b("Điều 2.") + &r(" Quyết định này có hiệu lực kể từ ngày ký."))))
        .push(&p(&(b("Điều 3.")
            + &r(
                " Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành \
                   tỉnh và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
            ))))
        .push(&footer(
            &["- Như Điều 3;", "- Bộ Nội vụ (b/c);", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC."],
            &["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lò Văn Tâm"],
        ))
}

/// A party Thông báo with bold section numbers; its type line is in capitals by formatting,
/// its title has a manual line break, and its text has a non-breaking space and hyphen, a soft
/// hyphen and a word in NFD.
pub fn thong_bao() -> Docx {
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("hồ sơ").collect();
    Docx::new()
        .push(&party_header(
            &["TỈNH ỦY SƠN HÀ"],
            &["VĂN PHÒNG"],
            &r("Số 38-TB/VPTU"),
            "Sơn Hà,\u{a0}ngày 10 tháng 6 năm 2024",
        ))
        .push(&pc(&run("<w:b/><w:caps/>", "Thông báo")))
        .push(&pc(&(b("Kết luận của Thường trực Tỉnh ủy") + &br() + &b("về đẩy mạnh chuyển đổi số trong các cơ quan đảng"))))
        .push(&pc(&r("-----")))
        .push(&p(&r("Ngày 05/6/2024, Thường trực Tỉnh ủy làm việc với Văn phòng Tỉnh ủy về tiến độ thực hiện Đề án \
                     số 08-ĐA/TU. Sau khi nghe báo cáo và ý kiến của các đại biểu, Thường trực Tỉnh ủy kết luận \
                     như sau:")))
        .push(&p(&(b("1. Về kết quả thực hiện:")
            + &r(" Các cơ quan đảng đã đưa hệ thống quản lý văn bản và điều hành vào sử dụng; tỷ lệ văn bản \
                   gửi, nhận trên môi trường mạng đạt 92%."))))
        .push(&p(&r("- Hoàn thành kết nối mạng thông tin diện rộng của Đảng đến 100% đảng ủy cấp xã.")))
        .push(&p(&(r("- Số hóa ")
            + &r(&nfd)
            + &r(" lưu trữ giai đoạn 2015")
            + "<w:r><w:noBreakHyphen/></w:r>"
            + &r("2020 đạt 65%."))))
        .push(&p(&(b("2. Về tồn tại, hạn chế:")
            + &r(" Một số đơn vị còn in văn bản giấy song song với văn bản điện tử; kỹ năng tin học của một \
                   bộ phận cán bộ chưa đáp ứng yêu cầu."))))
        .push(&p(&b("3. Về nhiệm vụ thời gian tới")))
        .push(&p(&(b("3.1.")
            + &r(" Văn phòng Tỉnh ủy chủ trì hướng dẫn ký số văn bản trên thiết bị di động, hoàn thành trong \
                   quý III năm 2024."))))
        .push(&p(&(b("3.2.")
            + &r(" Các huyện ủy, thành ủy rà soát đường truyền Inter")
            + "<w:r><w:softHyphen/></w:r>"
            + &r("net,\u{a0}đề xuất kinh phí nâng cấp trước ngày 30/7/2024."))))
        .push(&p(&r("Văn phòng Tỉnh ủy thông báo để các cơ quan, đơn vị biết, thực hiện.")))
        .push(&footer(
            &[
                "- Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy,",
                "- Các huyện ủy, thành ủy, đảng ủy trực thuộc,",
                "- Lưu Văn phòng Tỉnh ủy.",
            ],
            &["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Hà Thị Lan"],
        ))
}

/// A party Hướng dẫn whose header and footer are laid out with tabs, not tables.
pub fn header_tabs() -> Docx {
    Docx::new()
        .push(&pl(&(r("TỈNH ỦY SƠN HÀ") + &tab() + &tab() + &tab() + &b("ĐẢNG CỘNG SẢN VIỆT NAM"))))
        .push(&pl(&(tab() + &b("BAN TỔ CHỨC"))))
        .push(&pl(&(tab() + &tab() + &r("*"))))
        .push(&pl(&(r("Số 12-HD/BTCTU") + &tab() + &tab() + &i("Sơn Hà, ngày 02 tháng 4 năm 2024"))))
        .push(&pc(&b("HƯỚNG DẪN")))
        .push(&pc(&b("quy trình nhận xét, đánh giá cán bộ trước khi bổ nhiệm")))
        .push(&p(&r(
            "Thực hiện Nghị quyết số 45-NQ/TU ngày 12/10/2022 của Ban Chấp hành Đảng bộ tỉnh, Ban Tổ chức \
                     Tỉnh ủy hướng dẫn như sau:",
        )))
        .push(&p(&b("I. NGUYÊN TẮC")))
        .push(&p(&r("Việc nhận xét, đánh giá bảo đảm khách quan, công khai, dân chủ và đúng thẩm quyền.")))
        .push(&p(&b("II. QUY TRÌNH")))
        .push(&p(&(b("Bước 1:") + &tab() + &r("cá nhân tự nhận xét, đánh giá bằng văn bản."))))
        .push(&p(&(b("Bước 2:") + &tab() + &r("tập thể lãnh đạo cơ quan nhận xét, đánh giá và kết luận."))))
        .push(&pl(&(bi("Nơi nhận:") + &tab() + &tab() + &b("K/T TRƯỞNG BAN"))))
        .push(&pl(&(r("- Thường trực Tỉnh ủy (b/c),") + &tab() + &tab() + &b("PHÓ TRƯỞNG BAN"))))
        .push(&pl(&r("- Các huyện ủy, thành ủy, đảng ủy trực thuộc,")))
        .push(&pl(&(r("- Lưu Ban Tổ chức Tỉnh ủy.") + &tab() + &tab() + &b("Nông Thị Hoa"))))
}

/// A state Kế hoạch whose header blocks are two text boxes (a modern shape with a VML copy),
/// with a page number field in the page header.
pub fn header_text_box() -> Docx {
    let left =
        [pc(&r("ỦY BAN NHÂN DÂN TỈNH SƠN HÀ")), pc(&b("SỞ NỘI VỤ")), pc(&r("———")), pc(&r("Số: 118/KH-SNV"))]
            .concat();
    let right = [
        pc(&b("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        pc(&b("Độc lập - Tự do - Hạnh phúc")),
        pc(&i("Sơn Hà, ngày 20 tháng 5 năm 2024")),
    ]
    .concat();
    Docx::new()
        .default_header(&pc(&field("PAGE", "1")))
        .push(&text_boxes(&[left, right]))
        .push(&pc(&b("KẾ HOẠCH")))
        .push(&pc(&b("Tổ chức hội nghị tập huấn công tác văn thư, lưu trữ năm 2024")))
        .push(&p(&b("I. MỤC ĐÍCH, YÊU CẦU")))
        .push(&p(&r(
            "Nâng cao kỹ năng soạn thảo, ban hành và lưu trữ văn bản điện tử cho công chức làm công tác văn \
                     thư ở các cơ quan, đơn vị.",
        )))
        .push(&p(&b("II. THỜI GIAN, ĐỊA ĐIỂM")))
        .push(&p(&r("Tháng 7 năm 2024, tại Hội trường Sở Nội vụ tỉnh Sơn Hà.")))
        .push(&footer(&["- Các sở, ban, ngành tỉnh;", "- Lưu: VT, VTLT."], &["GIÁM ĐỐC", "Vi Thị Mai"]))
}

/// A party Kế hoạch numbered by Word: Roman section numbers, decimal items with lettered
/// sub-items and a bullet, a hidden item that is not counted, and a list restarted from 1.
pub fn numbering() -> Docx {
    let numbering = r#"
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#;
    Docx::new()
        .numbering(numbering)
        .push(&party_header(&[], &["TỈNH ỦY SƠN HÀ"], &r("Số 27-KH/TU"), "Sơn Hà, ngày 15 tháng 4 năm 2024"))
        .push(&pc(&b("KẾ HOẠCH")))
        .push(&pc(&b("học tập, quán triệt nghị quyết về chuyển đổi số năm 2024")))
        .push(&pn(2, 0, &b("MỤC ĐÍCH, YÊU CẦU")))
        .push(&pn(1, 0, &r("Quán triệt đầy đủ nội dung nghị quyết đến cán bộ, đảng viên:")))
        .push(&pn(1, 1, &r("ở cấp tỉnh, hoàn thành trong tháng 5;")))
        .push(&pn(1, 1, &r("ở cấp xã, hoàn thành trong tháng 6.")))
        .push(&para(
            r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:vanish/></w:rPr>"#,
            &run("<w:vanish/>", "Mục ẩn, không đánh số."),
        ))
        .push(&pn(1, 0, &r("Gắn việc học tập với xây dựng chương trình hành động của từng cấp ủy.")))
        .push(&pn(1, 2, &r("Chương trình hành động gửi về Văn phòng Tỉnh ủy trước ngày 30/6/2024.")))
        .push(&pn(2, 0, &b("NHIỆM VỤ")))
        .push(&pn(3, 0, &(b("Tuyên truyền:") + &r(" Ban Tuyên giáo Tỉnh ủy biên soạn tài liệu hỏi - đáp."))))
        .push(&pn(
            3,
            0,
            &(b("Kiểm tra:") + &r(" Ủy ban Kiểm tra Tỉnh ủy đưa nội dung vào chương trình kiểm tra.")),
        ))
        .push(&footer(
            &["- Các đảng bộ trực thuộc Tỉnh ủy,", "- Lưu Văn phòng Tỉnh ủy."],
            &["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Đinh Văn Khải"],
        ))
}

/// A state Quyết định with tracked changes: an insertion and a deletion in the number and the
/// text, a deleted paragraph mark, a deleted paragraph, a move and a formatting change.
pub fn tracked_changes() -> Docx {
    let number = r("Số: ") + &del("214") + &ins(&r("216")) + &r("/QĐ-UBND");
    let deleted_mark = r#"<w:pPr><w:jc w:val="both"/><w:rPr><w:del w:id="5" w:author="Văn thư" w:date="2024-03-10T09:00:00Z"/></w:rPr></w:pPr>"#;
    let moved_from = r#"<w:moveFrom w:id="7" w:author="Văn thư" w:date="2024-03-10T09:00:00Z"><w:r><w:t xml:space="preserve">Quyết định này có hiệu lực kể từ ngày ký. </w:t></w:r></w:moveFrom>"#;
    let moved_to = r#"<w:moveTo w:id="8" w:author="Văn thư" w:date="2024-03-10T09:00:00Z"><w:r><w:t xml:space="preserve"> Quyết định này có hiệu lực kể từ ngày ký.</w:t></w:r></w:moveTo>"#;
    let bold_change = r#"<w:r><w:rPr><w:b/><w:rPrChange w:id="9" w:author="Văn thư" w:date="2024-03-10T09:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>Điều 4.</w:t></w:r>"#;
    Docx::new()
        .push(&state_header(&[], &["ỦY BAN NHÂN DÂN", "TỈNH SƠN HÀ"], &number, "Sơn Hà, ngày 11 tháng 3 năm 2024"))
        .push(&pc(&b("QUYẾT ĐỊNH")))
        .push(&pc(&b("Về việc thành lập Tổ công tác số hóa hồ sơ lưu trữ")))
        .push(&pc(&r("-------------")))
        .push(&p(&(b("Điều 1.")
            + &r(" Thành lập Tổ công tác ")
            + &del("lâm thời ")
            + &ins(&r("số hóa hồ sơ lưu trữ "))
            + &r("gồm các thành viên có tên tại Phụ lục kèm theo."))))
        .push(&format!("<w:p>{deleted_mark}{}{}</w:p>", b("Điều 2."), r(" Tổ công tác có nhiệm vụ")))
        .push(&p(&r(" giúp Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo việc số hóa.")))
        .push(&format!("<w:p>{deleted_mark}{}</w:p>", del("Điều 3 cũ: bãi bỏ.")))
        .push(&p(&(moved_from.to_string() + &b("Điều 3.") + moved_to)))
        .push(&format!("<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>{bold_change}{}</w:p>", r(" Chánh Văn phòng Ủy ban nhân dân tỉnh và Tổ trưởng Tổ công tác chịu trách nhiệm thi hành Quyết định này./.")))
        .push(&footer(&["- Như Điều 4;", "- Lưu: VT."], &["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lò Văn Tâm"]))
}

/// A party Thông báo with hidden text (direct, by a character style, a whole paragraph, and in
/// the header) and a cross-reference field whose result is kept.
pub fn hidden_text() -> Docx {
    let note_style = r#"<w:style w:type="character" w:styleId="Ghichu"><w:name w:val="Ghi chu"/><w:rPr><w:vanish/><w:color w:val="FF0000"/></w:rPr></w:style>"#;
    Docx::new()
        .styles(note_style)
        .push(&party_header(
            &["TỈNH ỦY SƠN HÀ"],
            &["ỦY BAN KIỂM TRA"],
            &(r("Số 71-TB/UBKTTU") + &run("<w:vanish/>", " (số dự kiến)")),
            "Sơn Hà, ngày 24 tháng 5 năm 2024",
        ))
        .push(&pc(&b("THÔNG BÁO")))
        .push(&pc(&b("Kết quả kiểm tra việc thực hiện quy chế làm việc năm 2024")))
        .push(&p(&(r("Ngày 20/5/2024, Ủy ban Kiểm tra Tỉnh ủy họp, xem xét báo cáo kết quả kiểm tra")
            + &run("<w:vanish/>", " (chưa có ý kiến của Thường trực)")
            + &r(" và kết luận như sau:"))))
        .push(&p(&run("<w:vanish/>", "Đoạn này là ghi chú nội bộ, không ban hành.")))
        .push(&p(&(b("1.")
            + &r(" Các tổ chức đảng được kiểm tra đã ban hành quy chế làm việc đúng thời hạn")
            + &run(r#"<w:rStyle w:val="Ghichu"/>"#, " [kiểm tra lại số liệu]")
            + &r(", theo ")
            + &field(r"REF _Ref201 \h", "Mục 2")
            + &r(" của Kế hoạch kiểm tra."))))
        .push(&p(&(b("2.") + &r(" Đề nghị các tổ chức đảng khắc phục hạn chế trước ngày 30/9/2024."))))
        .push(&footer(
            &["- Thường trực Tỉnh ủy (b/c),", "- Lưu Ủy ban Kiểm tra."],
            &["T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM", "Hoàng Văn Sơn"],
        ))
}

/// A state Báo cáo with a table whose cells are merged across and down.
pub fn merged_table() -> Docx {
    let merged = |props: &str, text: &str| {
        format!(r#"<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>{props}</w:tcPr>{}</w:tc>"#, pc(&b(text)))
    };
    let plain = |text: &str| cell(&pl(&r(text)));
    let table = grid_table(
        4,
        &[
            row(&[
                merged(r#"<w:vMerge w:val="restart"/>"#, "STT"),
                merged(r#"<w:vMerge w:val="restart"/>"#, "Đơn vị"),
                merged(r#"<w:gridSpan w:val="2"/>"#, "Hồ sơ lưu trữ"),
            ]),
            row(&[
                merged("<w:vMerge/>", ""),
                merged("<w:vMerge/>", ""),
                merged("", "Đã số hóa"),
                merged("", "Còn lại"),
            ]),
            row(&[plain("1"), plain("Văn phòng UBND tỉnh"), plain("1.240"), plain("310")]),
            row(&[plain("2"), plain("Sở Nội vụ | Chi cục Văn thư - Lưu trữ"), plain("860"), plain("95")]),
        ],
    );
    Docx::new()
        .push(&state_header(
            &["UBND TỈNH SƠN HÀ"],
            &["SỞ NỘI VỤ"],
            &r("Số: 96/BC-SNV"),
            "Sơn Hà, ngày 03 tháng 6 năm 2024",
        ))
        .push(&pc(&b("BÁO CÁO")))
        .push(&pc(&b("Tiến độ số hóa hồ sơ lưu trữ 5 tháng đầu năm 2024")))
        .push(&p(&r("Kết quả số hóa hồ sơ tại các cơ quan, đơn vị đến ngày 31/5/2024 như sau:")))
        .push(&table)
        .push(&p(&r("Sở Nội vụ báo cáo Ủy ban nhân dân tỉnh.")))
        .push(&footer(&["- UBND tỉnh (b/c);", "- Lưu: VT."], &["GIÁM ĐỐC", "Vi Thị Mai"]))
}

/// A party Thông báo with footnotes, one of two paragraphs.
pub fn footnotes() -> Docx {
    let reference = |id: u32| {
        format!(
            r#"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>"#
        )
    };
    let notes = format!(
        r#"<w:footnote w:id="1">{}</w:footnote><w:footnote w:id="2">{}{}</w:footnote>"#,
        pl(&(r#"<w:r><w:footnoteRef/></w:r>"#.to_string()
            + &r(" Kết luận số 64-KL/TU ngày 20/3/2024 của Ban Thường vụ Tỉnh ủy."))),
        pl(&(r#"<w:r><w:footnoteRef/></w:r>"#.to_string()
            + &r(" Số liệu của ")
            + &i("Cổng thông tin điện tử tỉnh")
            + &r("."))),
        pl(&r("Tính đến hết tháng 5 năm 2024.")),
    );
    Docx::new()
        .footnotes(&notes)
        .push(&party_header(
            &["TỈNH ỦY SƠN HÀ"],
            &["BAN TUYÊN GIÁO"],
            &r("Số 19-TB/BTGTU"),
            "Sơn Hà, ngày 07 tháng 6 năm 2024",
        ))
        .push(&pc(&b("THÔNG BÁO")))
        .push(&pc(&b("Định hướng tuyên truyền tháng 6 năm 2024")))
        .push(&p(&(r("Thực hiện Kết luận số 64-KL/TU")
            + &reference(1)
            + &r(", Ban Tuyên giáo Tỉnh ủy định hướng nội dung tuyên truyền trong tháng 6 năm 2024."))))
        .push(&p(&(r("Tỷ lệ người dân truy cập dịch vụ công trực tuyến đạt 48%")
            + &reference(2)
            + &r(", vượt mục tiêu Kết luận đề ra")
            + &reference(1)
            + &r("."))))
        .push(&footer(
            &["- Thường trực Tỉnh ủy (b/c),", "- Lưu Ban Tuyên giáo."],
            &["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Mông Văn Tú"],
        ))
}

/// A state Thông báo whose letterhead is in the first-page header.
pub fn letterhead() -> Docx {
    Docx::new()
        .first_page_header(&state_header(
            &["UBND TỈNH SƠN HÀ"],
            &["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"],
            &r("Số: 45/TB-STTTT"),
            "Sơn Hà, ngày 28 tháng 2 năm 2024",
        ))
        .push(&pc(&b("THÔNG BÁO")))
        .push(&pc(&b("Lịch tạm ngừng hệ thống thư điện tử công vụ để bảo trì")))
        .push(&p(&r(
            "Hệ thống thư điện tử công vụ của tỉnh tạm ngừng hoạt động từ 22 giờ ngày 02/3/2024 đến 06 giờ \
                     ngày 03/3/2024 để nâng cấp phần mềm.",
        )))
        .push(&footer(
            &["- Các cơ quan, đơn vị trong tỉnh;", "- Lưu: VT, CNTT."],
            &["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lục Văn Bình"],
        ))
}

/// A state Quyết định whose number and day are left blank for the office to fill in.
pub fn draft() -> Docx {
    Docx::new()
        .push(&state_header(
            &[],
            &["ỦY BAN NHÂN DÂN", "TỈNH SƠN HÀ"],
            &r("Số:        /QĐ-UBND"),
            "Sơn Hà, ngày      tháng 3 năm 2024",
        ))
        .push(&pc(&b("QUYẾT ĐỊNH")))
        .push(&pc(&b("Về việc kiện toàn Hội đồng xác định giá trị tài liệu")))
        .push(&pc(&r("-------------")))
        .push(&p(
            &(b("Điều 1.") + &r(" Kiện toàn Hội đồng xác định giá trị tài liệu của Ủy ban nhân dân tỉnh."))
        ))
        .push(&footer(&["- Như Điều 1;", "- Lưu: VT."], &["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lò Văn Tâm"]))
}

/// A notice typed in TCVN3 with the .VnTime font.
pub fn eight_bit_font() -> Docx {
    Docx::new()
        .font(".VnTime")
        .push(&pc(&b("Uû ban nh©n d©n tØnh S¬n Hµ")))
        .push(&pc(&b("Céng hoµ x· héi chñ nghÜa ViÖt Nam")))
        .push(&p(&r("Sè: 215/Q§-UBND")))
}

/// A notice typed in VNI, shown in a Unicode font.
pub fn eight_bit_text() -> Docx {
    Docx::new()
        .push(&pc(&b("UÛy ban nhaân daân tænh Sôn Haø")))
        .push(&pc(&b("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")))
        .push(&p(&r("Soá: 215/QÑ-UBND")))
}
