// The minutes parser's view of a document: cleaned lines with what the
// layout said about them (heading, bullet), and the source line span each
// came from. Internal to the library.
#pragma once

#include <samverkan/version.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

struct Line {
  /// One-based source lines; several when a bold span was broken across lines.
  std::size_t first = 0;
  std::size_t last = 0;
  /// Markdown markers, bullets and link targets removed; spaces collapsed;
  /// columns (tabs, or runs of three or more spaces) kept as single tabs.
  std::string text;
  /// text, lower-cased byte for byte (offsets agree).
  std::string low;
  /// A Markdown heading, or a line that was bold from end to end.
  bool heading = false;
  bool bullet = false;
  /// A horizontal rule or page furniture; carries no text.
  bool rule = false;
  /// Leading white space of the source line, in columns (a tab counts 8):
  /// a protocol's value column continues on indented lines.
  std::size_t indent = 0;
  /// A table row read from a .docx or PDF: its cells, empty ones included
  /// (text holds the non-empty ones between tabs). Empty for text documents.
  std::vector<std::string> cells;

  bool blank() const noexcept { return text.empty(); }
};

/// Splits and cleans a document. Never throws on content. Blank lines past
/// the eighth of a run are not kept (the kept lines keep their source
/// numbers); `dropped`, when given, receives how many.
std::vector<Line> split_lines(std::string_view document, std::size_t* dropped = nullptr);

/// Page furniture goes: page numbers ("Sida 3 av 7", "3 (7)", "– 3 –"),
/// template stamps ("Justerandes sign", "Utdragsbestyrkande"), and running
/// headers and footers (a line repeated identically that is dated and in
/// columns, or stands next to a page number). The lines kept keep their
/// source line numbers. Furniture inside a sentence takes the blank lines
/// around it along, so the sentence reads on. Part of split_lines.
void remove_furniture(std::vector<Line>& lines);

/// A word broken at a line end ("utskriv-" / "ningsklara") is joined onto
/// the first line; a dash that stands for a shared last part ("hälso- och",
/// "Hälso-/sjukvård") stays. Part of split_lines.
void join_hyphenated(std::vector<Line>& lines);

/// How a document's bytes were made into UTF-8.
enum class Encoding { utf8, windows1252, repaired };

/// The document as valid UTF-8: unchanged when it is; read as Windows-1252
/// (what Swedish documents saved by older Word and Excel are) when it has no
/// valid multi-byte sequence at all; otherwise with each invalid byte
/// replaced by U+FFFD. `replaced` counts the bytes replaced.
std::string to_utf8(std::string_view document, Encoding& encoding, std::size_t& replaced);

/// A text document as both readers of a text file start from: decoded,
/// split and cleaned once (parse_file_all shares it between them).
struct SplitText {
  std::vector<Line> lines;
  /// Blank lines not kept (see split_lines).
  std::size_t dropped = 0;
  Encoding encoding = Encoding::utf8;
  std::size_t replaced = 0;
};

/// to_utf8, then split_lines.
SplitText split_text(std::string_view document);

}  // namespace import::detail

namespace import {
struct ParsedMinutes;
struct ParsedDocuments;
struct ParseOptions;
namespace detail {
/// parse_minutes() on a text already split.
ParsedMinutes parse_split(SplitText text, std::string document, const ParseOptions& options);
/// parse_documents() on a text's lines already split.
ParsedDocuments parse_documents_lines(std::vector<Line> lines, std::string document, const ParseOptions& options,
                                      const ParsedMinutes* minutes);
/// The minutes parser on lines a reader made (document.cpp): parse_minutes()
/// without the splitting and the encoding check.
ParsedMinutes parse_lines(std::vector<Line> lines, std::string document, const ParseOptions& options);
}  // namespace detail
}  // namespace import
SAMVERKAN_END_NAMESPACE
