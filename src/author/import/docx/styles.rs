//! Styles and run properties: Word's cascade of paragraph and character styles, the
//! formatting a run ends up with, paragraph alignment, and the numbering a style attaches.
//! Counting list labels is `numbering`'s.

use std::collections::HashMap;

use roxmltree::Node;

use super::package::parse_xml;
use super::xml::{child_w, is_w, toggle, w_attr};
use super::{Align, Format};
use crate::author::import::problem::Problem;

/// Run properties as one level of Word's cascade sets them; `None` inherits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct RunProps {
    bold: Option<bool>,
    italic: Option<bool>,
    caps: Option<bool>,
    pub(super) hidden: Option<bool>,
    pub(super) font: Option<String>,
}

impl RunProps {
    pub(super) fn parse(rpr: Node) -> RunProps {
        let mut props = RunProps::default();
        for child in rpr.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "b" => props.bold = Some(toggle(&child)),
                "i" => props.italic = Some(toggle(&child)),
                "caps" | "smallCaps" => props.caps = Some(props.caps.unwrap_or(false) || toggle(&child)),
                "vanish" => props.hidden = Some(toggle(&child)),
                "rFonts" => {
                    props.font =
                        ["ascii", "hAnsi", "cs"].iter().find_map(|a| w_attr(&child, a)).map(str::to_string)
                }
                _ => {}
            }
        }
        props
    }

    /// These properties over `base`: what is set here wins.
    pub(super) fn over(&self, base: &RunProps) -> RunProps {
        RunProps {
            bold: self.bold.or(base.bold),
            italic: self.italic.or(base.italic),
            caps: self.caps.or(base.caps),
            hidden: self.hidden.or(base.hidden),
            font: self.font.clone().or_else(|| base.font.clone()),
        }
    }

    pub(super) fn format(&self) -> Format {
        Format {
            bold: self.bold.unwrap_or(false),
            italic: self.italic.unwrap_or(false),
            caps: self.caps.unwrap_or(false),
        }
    }
}

#[derive(Debug, Clone, Default)]
struct StyleDef {
    based_on: Option<String>,
    run: RunProps,
    align: Option<Align>,
    numbering: Option<(String, usize)>,
}

#[derive(Debug, Default)]
pub(super) struct Styles {
    defs: HashMap<String, StyleDef>,
    pub(super) default_run: RunProps,
    pub(super) default_paragraph: Option<String>,
}

impl Styles {
    pub(super) fn parse(xml: &str) -> Result<Styles, Problem> {
        let doc = parse_xml(xml, "word/styles.xml")?;
        let mut styles = Styles::default();
        let root = doc.root_element();
        if let Some(rpr) = child_w(root, "docDefaults")
            .and_then(|d| child_w(d, "rPrDefault"))
            .and_then(|d| child_w(d, "rPr"))
        {
            styles.default_run = RunProps::parse(rpr);
        }
        for style in root.children().filter(|n| is_w(n, "style")) {
            let Some(id) = w_attr(&style, "styleId") else { continue };
            if w_attr(&style, "type") == Some("paragraph")
                && w_attr(&style, "default").is_some_and(|v| v == "1")
            {
                styles.default_paragraph = Some(id.to_string());
            }
            let ppr = child_w(style, "pPr");
            let def = StyleDef {
                based_on: child_w(style, "basedOn").and_then(|b| w_attr(&b, "val")).map(str::to_string),
                run: child_w(style, "rPr").map(RunProps::parse).unwrap_or_default(),
                align: ppr.and_then(|p| child_w(p, "jc")).map(|j| alignment(&j)),
                numbering: ppr.and_then(|p| child_w(p, "numPr")).and_then(numbering_reference),
            };
            styles.defs.insert(id.to_string(), def);
        }
        Ok(styles)
    }

    /// The style and the styles it is based on, nearest first (cycles cut).
    fn chain(&self, id: Option<&str>) -> Vec<&StyleDef> {
        let mut chain = Vec::new();
        let mut next = id;
        while let Some(id) = next {
            let Some(def) = self.defs.get(id) else { break };
            if chain.len() >= 16 {
                break;
            }
            chain.push(def);
            next = def.based_on.as_deref();
        }
        chain
    }

    pub(super) fn run_props(&self, id: Option<&str>) -> RunProps {
        self.chain(id).iter().fold(RunProps::default(), |acc, def| acc.over(&def.run))
    }

    pub(super) fn align(&self, id: Option<&str>) -> Option<Align> {
        self.chain(id).iter().find_map(|d| d.align)
    }

    pub(super) fn numbering(&self, id: Option<&str>) -> Option<(String, usize)> {
        self.chain(id).iter().find_map(|d| d.numbering.clone())
    }
}

pub(super) fn alignment(jc: &Node) -> Align {
    match w_attr(jc, "val") {
        Some("center") => Align::Center,
        Some("right" | "end") => Align::Right,
        Some("both" | "distribute") => Align::Justify,
        _ => Align::Left,
    }
}

/// `(numId, ilvl)` of a `w:numPr`.
pub(super) fn numbering_reference(num_pr: Node) -> Option<(String, usize)> {
    let id = child_w(num_pr, "numId").and_then(|n| w_attr(&n, "val"))?.to_string();
    let level =
        child_w(num_pr, "ilvl").and_then(|n| w_attr(&n, "val")).and_then(|v| v.parse().ok()).unwrap_or(0);
    Some((id, level))
}
