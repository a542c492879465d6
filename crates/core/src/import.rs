//! Turning files into drafts: plain text, Markdown and HTML.
//!
//! Every importer is a pure function from text to a [`NewDraft`]; only
//! [`read_text`] touches the file system, and it refuses what cannot be a
//! draft (too large, not UTF-8) before anything is stored.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use markup5ever_rcdom::{Node, NodeData};

use crate::model::NewDraft;

/// The largest file imported as one draft: 20 MiB, some three million
/// words, far beyond any article. Larger files are refused before they are
/// read.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not valid UTF-8 text (first bad byte at offset {offset}); save it as UTF-8 and try again")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: unsupported file type (Byline imports .txt, .md, .markdown, .html and .htm)")]
    Unsupported { path: PathBuf },
    #[error("{path} is {size} bytes, more than the {limit}-byte limit for one draft")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
}

/// The kinds of file Byline imports, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format for `path`'s extension (in any letter case), if Byline
    /// imports it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Reads `path` into a new draft, by its extension.
pub fn import_file(path: &Path) -> Result<NewDraft, Error> {
    let format = Format::from_path(path).ok_or_else(|| Error::Unsupported {
        path: path.to_owned(),
    })?;
    let text = read_text(path)?;
    Ok(match format {
        Format::Text => from_text(&text),
        Format::Markdown => from_markdown(&text),
        Format::Html => from_html(&text),
    })
}

/// Reads a UTF-8 text file of at most [`MAX_BYTES`], without a byte-order
/// mark and with `\n` line ends. Reads at most one byte past the limit, so a
/// huge file, or one that grows or never ends (a pipe, `/dev/zero`), costs
/// no more memory than a file at the limit.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let io_err = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let too_large = |size| Error::TooLarge {
        path: path.to_owned(),
        size,
        limit: MAX_BYTES,
    };
    let size = std::fs::metadata(path).map_err(io_err)?.len();
    if size > MAX_BYTES {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    File::open(path)
        .map_err(io_err)?
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(size.max(bytes.len() as u64)));
    }
    let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    })
}

/// Plain text: the first non-empty line is the headline; the rest is the
/// body, one Markdown paragraph per run of lines between blank lines. Lines
/// are trimmed (an indented first line must not become a code block), and a
/// line that Markdown would read as a heading, quote, list item or rule is
/// escaped so it stays text.
pub fn from_text(text: &str) -> NewDraft {
    let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
    let headline = lines
        .next()
        .map(|l| l.trim().to_owned())
        .unwrap_or_default();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(escape_block_marker(line));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    NewDraft {
        headline,
        body: finish_body(&paragraphs.join("\n\n")),
        ..NewDraft::default()
    }
}

/// Escapes the start of a trimmed line that Markdown would not read as
/// paragraph text.
fn escape_block_marker(line: &str) -> String {
    let first = line.chars().next().unwrap_or(' ');
    let rule = line.len() >= 3
        && line
            .chars()
            .all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '));
    let bullet = matches!(first, '-' | '*' | '+') && line[1..].starts_with(' ');
    let numbered = {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        (1..=9).contains(&digits)
            && matches!(line[digits..].chars().next(), Some('.' | ')'))
            && line[digits + 1..].chars().next().is_none_or(|c| c == ' ')
    };
    if matches!(first, '#' | '>' | '|' | '`' | '~' | '<') || rule || bullet {
        format!("\\{line}")
    } else if numbered {
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line.to_owned()
    }
}

/// Trims blank lines around a body and ends it with one newline (an empty
/// body stays empty).
fn finish_body(body: &str) -> String {
    let body = body.trim_matches('\n').trim_end();
    if body.is_empty() {
        String::new()
    } else {
        format!("{body}\n")
    }
}

/// Markdown: a leading `# Heading` (or `Heading` underlined with `===`)
/// becomes the headline and leaves the body. Otherwise a first block that is
/// a single line (a title line, or a heading of another level) does the
/// same; and when the text starts with a longer paragraph, its first line is
/// the headline and the body is kept whole.
pub fn from_markdown(text: &str) -> NewDraft {
    let lines: Vec<&str> = text.lines().collect();
    let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return NewDraft::default();
    };
    let line = lines[first].trim();
    let next = lines.get(first + 1).map(|l| l.trim());
    let after = |skip: usize| finish_body(&lines[first + skip..].join("\n"));
    let (headline, body) = if is_atx_heading(line) {
        (heading_text(line), after(1))
    } else if next.is_some_and(|n| !n.is_empty() && n.chars().all(|c| c == '=')) {
        (line.to_owned(), after(2))
    } else if next.is_none_or(str::is_empty) {
        (line.trim_start_matches('>').trim().to_owned(), after(1))
    } else {
        (
            first_words(line.trim_start_matches('>').trim(), 120),
            after(0),
        )
    };
    NewDraft {
        headline,
        body,
        ..NewDraft::default()
    }
}

fn is_atx_heading(line: &str) -> bool {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes)
        && line[hashes..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t')
}

/// The text of an ATX heading line, without its opening and closing `#`s.
fn heading_text(line: &str) -> String {
    let text = line.trim_start_matches('#').trim();
    let closed = text.trim_end_matches('#');
    if closed.is_empty() || closed.ends_with(' ') {
        closed.trim().to_owned()
    } else {
        text.to_owned()
    }
}

/// At most `max` characters of `text`, cut at a word boundary.
fn first_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    match cut.rfind(' ') {
        Some(space) => format!("{}…", cut[..space].trim_end()),
        None => format!("{cut}…"),
    }
}

/// Elements whose content is never article text (site navigation and forms
/// included).
const SKIPPED_HTML: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
    "canvas", "nav", "form",
];

/// HTML: converted to Markdown with scripts, styles and the like dropped.
/// The headline is the `<title>`, or the first `<h1>` when there is no title
/// or the title merely contains it ("Headline | Site name"); that `<h1>` then
/// leaves the body. `<meta name="description">` becomes the dek and
/// `<meta name="author">` the byline.
pub fn from_html(html: &str) -> NewDraft {
    use htmd::options::{BrStyle, BulletListMarker, Options};
    let converter = htmd::HtmlToMarkdown::builder()
        .options(Options {
            bullet_list_marker: BulletListMarker::Dash,
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            br_style: BrStyle::Backslash,
            ..Options::default()
        })
        .skip_tags(SKIPPED_HTML.to_vec())
        .build();
    // Parsing a `&str` into a DOM cannot fail; an error here would be a bug
    // in the parser, and an empty draft loses nothing of the file.
    let Ok(tree) = converter.html_to_tree(html) else {
        return NewDraft::default();
    };
    let mut found = Found::default();
    find_parts(&tree, &mut found);
    let title = found.title.unwrap_or_default();
    let h1_text = found
        .h1
        .as_ref()
        .map(|h1| collapse(&text_of(h1)))
        .filter(|t| !t.is_empty());
    let headline = match &h1_text {
        Some(h1) if title.is_empty() || title == *h1 || title.contains(h1.as_str()) => {
            if let Some(h1) = &found.h1 {
                detach(h1);
            }
            h1.clone()
        }
        _ => title,
    };
    NewDraft {
        headline,
        dek: found.description.unwrap_or_default(),
        byline: found.author.unwrap_or_default(),
        dateline: String::new(),
        body: finish_body(&converter.tree_to_markdown(&tree)),
    }
}

#[derive(Default)]
struct Found {
    title: Option<String>,
    h1: Option<Rc<Node>>,
    description: Option<String>,
    author: Option<String>,
}

fn find_parts(node: &Rc<Node>, found: &mut Found) {
    if let NodeData::Element { name, attrs, .. } = &node.data {
        match &*name.local {
            "title" if found.title.is_none() => found.title = Some(collapse(&text_of(node))),
            "h1" if found.h1.is_none() => found.h1 = Some(node.clone()),
            "meta" => {
                let attrs = attrs.borrow();
                let attr = |key: &str| {
                    attrs
                        .iter()
                        .find(|a| &*a.name.local == key)
                        .map(|a| collapse(&a.value))
                };
                let slot = match attr("name").map(|n| n.to_ascii_lowercase()).as_deref() {
                    Some("description") => &mut found.description,
                    Some("author") => &mut found.author,
                    _ => return,
                };
                if slot.is_none() {
                    *slot = attr("content").filter(|c| !c.is_empty());
                }
                return;
            }
            "script" | "style" | "template" => return,
            _ => {}
        }
    }
    for child in node.children.borrow().iter() {
        find_parts(child, found);
    }
}

fn text_of(node: &Rc<Node>) -> String {
    let mut out = String::new();
    fn walk(node: &Rc<Node>, out: &mut String) {
        if let NodeData::Text { contents } = &node.data {
            out.push_str(&contents.borrow());
        }
        for child in node.children.borrow().iter() {
            walk(child, out);
        }
    }
    walk(node, &mut out);
    out
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes `node` from its parent's children.
fn detach(node: &Rc<Node>) {
    let Some(parent) = node.parent.take().and_then(|weak| weak.upgrade()) else {
        return;
    };
    parent
        .children
        .borrow_mut()
        .retain(|child| !Rc::ptr_eq(child, node));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_in_any_case() {
        let cases = [
            ("a.txt", Some(Format::Text)),
            ("a.TXT", Some(Format::Text)),
            ("a.md", Some(Format::Markdown)),
            ("a.Markdown", Some(Format::Markdown)),
            ("a.htm", Some(Format::Html)),
            ("a.HTML", Some(Format::Html)),
            ("a.docx", None),
            ("README", None),
            (".md", None),
        ];
        for (name, format) in cases {
            assert_eq!(Format::from_path(Path::new(name)), format, "for {name}");
        }
    }

    #[test]
    fn block_markers_in_plain_text_are_escaped() {
        let cases = [
            ("# not a heading", "\\# not a heading"),
            ("- not a bullet", "\\- not a bullet"),
            ("-3 degrees", "-3 degrees"),
            ("1. not a list", "1\\. not a list"),
            ("2026. A year.", "2026\\. A year."),
            ("1984 was a book", "1984 was a book"),
            ("***", "\\***"),
            ("> not a quote", "\\> not a quote"),
            ("plain", "plain"),
        ];
        for (line, escaped) in cases {
            assert_eq!(escape_block_marker(line), escaped, "for {line:?}");
        }
    }

    #[test]
    fn headings_lose_their_hashes() {
        assert!(is_atx_heading("# A"));
        assert!(is_atx_heading("#"));
        assert!(!is_atx_heading("#hashtag"));
        assert!(!is_atx_heading("####### seven"));
        assert_eq!(heading_text("# Title #"), "Title");
        assert_eq!(heading_text("## C#"), "C#");
    }
}
