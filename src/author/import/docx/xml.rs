//! WordprocessingML as XML: the namespaces Word writes (transitional and strict), finding
//! elements and attributes in them, toggle properties, markup-compatibility branches, and the
//! nesting limit. What the elements mean is the reader's, styles' and numbering's.

use roxmltree::Node;

use crate::author::import::problem::Problem;

/// Deepest nesting of the elements this reader descends into.
const DEPTH_LIMIT: usize = 160;
pub(super) const W_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const R_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
];
const MC_NAMESPACE: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

pub(super) fn is_w(node: &Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace().is_some_and(|ns| W_NAMESPACES.contains(&ns))
}

pub(super) fn is_mc(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(MC_NAMESPACE)
}

pub(super) fn child_w<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(c, name))
}

pub(super) fn w_attr<'a>(node: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    W_NAMESPACES.iter().find_map(|ns| node.attribute((*ns, name)))
}

pub(super) fn r_attr<'a>(node: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    R_NAMESPACES.iter().find_map(|ns| node.attribute((*ns, name)))
}

/// A toggle property such as `<w:b/>`: on unless `w:val` says false.
pub(super) fn toggle(node: &Node) -> bool {
    !matches!(w_attr(node, "val"), Some("0" | "false" | "off" | "none"))
}

/// The branch of an `mc:AlternateContent` to read: its first `Choice`, else its `Fallback`.
pub(super) fn chosen_branch<'a, 'i>(node: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_mc(c, "Choice")).or_else(|| node.children().find(|c| is_mc(c, "Fallback")))
}

pub(super) fn check_depth(depth: usize) -> Result<(), Problem> {
    if depth > DEPTH_LIMIT { Err(Problem::TooDeep) } else { Ok(()) }
}
