//! Word files built at test time from WordprocessingML strings: a package with the parts Word
//! writes (content types, relationships, styles, optional numbering, footnotes and headers), and
//! small helpers for paragraphs, runs, tables and text boxes.
#![allow(dead_code)]

use std::io::Write;

const NAMESPACES: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps""#
);

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A Word document under construction.
#[derive(Debug, Clone, Default)]
pub struct Docx {
    body: String,
    styles: String,
    numbering: Option<String>,
    footnotes: Option<String>,
    first_page_header: Option<String>,
    default_header: Option<String>,
    font: Option<String>,
}

impl Docx {
    pub fn new() -> Self {
        Docx::default()
    }

    /// Appends block XML (paragraphs, tables) to the body.
    pub fn push(mut self, xml: &str) -> Self {
        self.body.push_str(xml);
        self
    }

    /// Style definitions added to the default ones.
    pub fn styles(mut self, xml: &str) -> Self {
        self.styles.push_str(xml);
        self
    }

    /// The content of `w:numbering` (abstract numberings and numbering instances).
    pub fn numbering(mut self, xml: &str) -> Self {
        self.numbering = Some(xml.to_string());
        self
    }

    /// `w:footnote` elements with ids from 1; the separators are added.
    pub fn footnotes(mut self, xml: &str) -> Self {
        self.footnotes = Some(xml.to_string());
        self
    }

    /// Blocks of the header of the first page (the section gets a title page).
    pub fn first_page_header(mut self, xml: &str) -> Self {
        self.first_page_header = Some(xml.to_string());
        self
    }

    /// Blocks of the header of every page.
    pub fn default_header(mut self, xml: &str) -> Self {
        self.default_header = Some(xml.to_string());
        self
    }

    /// The document's default font, e.g. `.VnTime`.
    pub fn font(mut self, name: &str) -> Self {
        self.font = Some(name.to_string());
        self
    }

    /// The parts of the package, name and content.
    pub fn parts(&self) -> Vec<(String, String)> {
        // (id, relationship type, target)
        let mut rels = vec![("rIdStyles".to_string(), "styles", "styles.xml")];
        let mut types = vec![("/word/styles.xml", "styles+xml")];
        let mut parts = Vec::new();
        if let Some(numbering) = &self.numbering {
            rels.push(("rIdNumbering".into(), "numbering", "numbering.xml"));
            types.push(("/word/numbering.xml", "numbering+xml"));
            parts.push((
                "word/numbering.xml".to_string(),
                format!("<w:numbering {NAMESPACES}>{numbering}</w:numbering>"),
            ));
        }
        if let Some(notes) = &self.footnotes {
            rels.push(("rIdFootnotes".into(), "footnotes", "footnotes.xml"));
            types.push(("/word/footnotes.xml", "footnotes+xml"));
            let separators = r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#;
            parts.push((
                "word/footnotes.xml".to_string(),
                format!("<w:footnotes {NAMESPACES}>{separators}{notes}</w:footnotes>"),
            ));
        }
        let mut section = String::new();
        for (kind, header, file) in [
            ("first", &self.first_page_header, "header1.xml"),
            ("default", &self.default_header, "header2.xml"),
        ] {
            if let Some(xml) = header {
                let id = format!("rIdHeader{kind}");
                section.push_str(&format!(r#"<w:headerReference w:type="{kind}" r:id="{id}"/>"#));
                rels.push((id, "header", file));
                types.push((
                    if kind == "first" { "/word/header1.xml" } else { "/word/header2.xml" },
                    "header+xml",
                ));
                parts.push((format!("word/{file}"), format!("<w:hdr {NAMESPACES}>{xml}</w:hdr>")));
            }
        }
        if self.first_page_header.is_some() {
            section.push_str("<w:titlePg/>");
        }
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NAMESPACES}><w:body>{}<w:sectPr>{section}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#,
            self.body
        );
        let font = self.font.as_deref().unwrap_or("Times New Roman");
        let styles = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NAMESPACES}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>{}</w:styles>"#,
            self.styles
        );
        let relationships: String = rels
            .iter()
            .map(|(id, kind, target)| {
                format!(r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"/>"#)
            })
            .collect();
        let overrides: String = types
            .iter()
            .map(|(part, kind)| {
                format!(
                    r#"<Override PartName="{part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}"/>"#
                )
            })
            .collect();
        let mut all = vec![
            (
                "[Content_Types].xml".to_string(),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>{overrides}</Types>"#
                ),
            ),
            (
                "_rels/.rels".to_string(),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>"#
                ),
            ),
            ("word/document.xml".to_string(), document),
            ("word/styles.xml".to_string(), styles),
            (
                "word/_rels/document.xml.rels".to_string(),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{relationships}</Relationships>"#
                ),
            ),
        ];
        all.extend(parts);
        all
    }

    /// The `.docx` file.
    pub fn bytes(&self) -> Vec<u8> {
        let parts = self.parts();
        zip_of(&parts.iter().map(|(n, t)| (n.as_str(), t.as_bytes())).collect::<Vec<_>>())
    }
}

/// A zip file of the given entries, deflated.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, bytes) in entries {
        writer.start_file(*name, options).expect("start entry");
        writer.write_all(bytes).expect("write entry");
    }
    writer.finish().expect("finish zip").into_inner()
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A run with raw run properties (`<w:b/><w:i/>`…).
pub fn run(props: &str, text: &str) -> String {
    format!(r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#, escape(text))
}

pub fn r(text: &str) -> String {
    run("", text)
}

pub fn b(text: &str) -> String {
    run("<w:b/>", text)
}

pub fn i(text: &str) -> String {
    run("<w:i/>", text)
}

pub fn bi(text: &str) -> String {
    run("<w:b/><w:i/>", text)
}

pub fn tab() -> String {
    "<w:r><w:tab/></w:r>".into()
}

pub fn br() -> String {
    "<w:r><w:br/></w:r>".into()
}

/// A paragraph with raw paragraph properties.
pub fn para(props: &str, content: &str) -> String {
    format!("<w:p><w:pPr>{props}</w:pPr>{content}</w:p>")
}

/// A justified paragraph, as body text is.
pub fn p(content: &str) -> String {
    para(r#"<w:jc w:val="both"/>"#, content)
}

/// A centred paragraph.
pub fn pc(content: &str) -> String {
    para(r#"<w:jc w:val="center"/>"#, content)
}

/// A left-aligned paragraph.
pub fn pl(content: &str) -> String {
    para("", content)
}

/// A numbered paragraph.
pub fn pn(num_id: u32, level: u32, content: &str) -> String {
    para(
        &format!(
            r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr><w:jc w:val="both"/>"#
        ),
        content,
    )
}

/// A cell of the given paragraphs.
pub fn cell(paragraphs: &str) -> String {
    format!(r#"<w:tc><w:tcPr><w:tcW w:w="4600" w:type="dxa"/></w:tcPr>{paragraphs}</w:tc>"#)
}

pub fn row(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

/// A table with no visible borders, as headers and footers are laid out.
pub fn layout_table(rows: &[String]) -> String {
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="9200" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="4600"/><w:gridCol w:w="4600"/></w:tblGrid>{}</w:tbl>"#,
        rows.concat()
    )
}

/// A table with borders, as in a body.
pub fn grid_table(columns: usize, rows: &[String]) -> String {
    let grid: String = (0..columns).map(|_| r#"<w:gridCol w:w="2000"/>"#).collect();
    format!(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{}</w:tbl>"#,
        rows.concat()
    )
}

/// A two-column layout table of one row: left paragraphs, right paragraphs.
pub fn two_blocks(left: &[String], right: &[String]) -> String {
    layout_table(&[row(&[cell(&left.concat()), cell(&right.concat())])])
}

/// A paragraph anchoring text boxes, each given as its paragraphs; Word writes a modern shape
/// with an old VML copy as fallback, and only one of them may be read.
pub fn text_boxes(boxes: &[String]) -> String {
    let runs: String = boxes
        .iter()
        .enumerate()
        .map(|(n, content)| {
            format!(
                r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{n}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="2900000" cy="1000000"/><wp:wrapNone/><wp:docPr id="{id}" name="Text Box {id}"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="position:absolute"><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#,
                x = n * 3_000_000,
                id = n + 1
            )
        })
        .collect();
    pl(&runs)
}

/// A complex field: instruction and shown result (`PAGE`, `REF`…).
pub fn field(instruction: &str, result: &str) -> String {
    format!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        escape(instruction),
        r(result)
    )
}

/// A state header: parent issuer lines (regular), issuer lines (bold), the number line (runs), then the national heading and
/// the date line.
pub fn state_header(parent: &[&str], issuer: &[&str], number_runs: &str, date_line: &str) -> String {
    let mut left: Vec<String> = parent.iter().map(|l| pc(&r(l))).collect();
    left.extend(issuer.iter().map(|l| pc(&b(l))));
    left.push(pc(&r("———")));
    left.push(pc(number_runs));
    let right = [
        pc(&b("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        pc(&b("Độc lập - Tự do - Hạnh phúc")),
        pc(&r("———————————————")),
        pc(&i(date_line)),
    ];
    two_blocks(&left, &right)
}

/// A footer: "Nơi nhận:" and its lines on the left, the signature lines on the right (the last
/// one the name, after room for the signature).
pub fn footer(recipients: &[&str], signature: &[&str]) -> String {
    let mut left = vec![pl(&bi("Nơi nhận:"))];
    left.extend(recipients.iter().map(|l| pl(&r(l))));
    let (name, lines) = signature.split_last().expect("a signer");
    let mut right: Vec<String> = lines.iter().map(|l| pc(&b(l))).collect();
    right.extend([pc(""), pc(&i("(Đã ký)")), pc("")]);
    right.push(pc(&b(name)));
    two_blocks(&left, &right)
}

/// A party header: parent issuer (regular) and issuer (bold) lines, the number line (runs), then
/// the party heading and the date line.
pub fn party_header(parent: &[&str], issuer: &[&str], number_runs: &str, date_line: &str) -> String {
    let mut left: Vec<String> = parent.iter().map(|l| pc(&r(l))).collect();
    left.extend(issuer.iter().map(|l| pc(&b(l))));
    left.push(pc(&r("*")));
    left.push(pc(number_runs));
    let right = [pc(&b("ĐẢNG CỘNG SẢN VIỆT NAM")), pc(&r("———————————")), pc(&i(date_line))];
    two_blocks(&left, &right)
}

/// Runs inside a tracked insertion.
pub fn ins(runs: &str) -> String {
    format!(r#"<w:ins w:id="1" w:author="Văn thư" w:date="2024-03-10T09:00:00Z">{runs}</w:ins>"#)
}

/// Text inside a tracked deletion.
pub fn del(text: &str) -> String {
    format!(
        r#"<w:del w:id="2" w:author="Văn thư" w:date="2024-03-10T09:00:00Z"><w:r><w:delText xml:space="preserve">{}</w:delText></w:r></w:del>"#,
        escape(text)
    )
}
