//! HTML export: a pulldown-cmark event pipeline from a draft's Markdown to a
//! clean CMS fragment or a standalone article page.
//!
//! SKELETON: the export work fills this in.

use crate::model::Draft;

/// Which HTML to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Clean semantic HTML to paste into a CMS.
    Fragment,
    /// A complete HTML5 page.
    #[default]
    Standalone,
}

/// Renders `draft` as HTML.
pub fn to_html(draft: &Draft, mode: Mode) -> String {
    let _ = mode;
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new(&draft.body));
    out
}
