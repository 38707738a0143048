// The decode stage: telling formats apart, the registry of readers, and a
// decoded Document turned into the lines the minutes parser reads.
#include "lines.hpp"

#include <samverkan/core/error.hpp>
#include <samverkan/core/text.hpp>
#include <samverkan/import/document.hpp>

#include <array>
#include <atomic>
#include <cstring>

SAMVERKAN_BEGIN_NAMESPACE
namespace import {

std::string_view to_string(FileFormat format) noexcept {
  switch (format) {
    case FileFormat::text: return "text";
    case FileFormat::docx: return "docx";
    case FileFormat::pdf: return "pdf";
    case FileFormat::other_zip: return "zip";
    case FileFormat::binary: return "binary";
  }
  return "binary";
}

FileFormat detect_format(std::string_view bytes) noexcept {
  // PDF readers accept the header anywhere in the first kilobyte, after
  // junk such as a MacBinary header; a text that merely mentions "%PDF-"
  // near its start stays text.
  if (const std::size_t at = bytes.substr(0, 1024).find("%PDF-"); at != std::string_view::npos) {
    bool junk = at == 0;
    for (std::size_t k = 0; k < at && !junk; ++k) {
      const auto c = static_cast<unsigned char>(bytes[k]);
      junk = c < 0x09 || (c > 0x0D && c < 0x20);
    }
    if (junk) return FileFormat::pdf;
  }
  if (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0) {
    // Every member's name is in the central directory near the end; the
    // local headers at the front hold it too, so either finds it.
    if (bytes.find("word/document.xml") != std::string_view::npos) return FileFormat::docx;
    return FileFormat::other_zip;
  }
  if (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x05\x06") == 0) return FileFormat::other_zip;  // empty zip
  // Text has no NUL bytes and few control characters; UTF-16 text, images,
  // .doc (OLE) and executables have them at once.
  const std::string_view head = bytes.substr(0, 8192);
  std::size_t control = 0;
  for (const char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return FileFormat::binary;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B) ++control;
  }
  if (!head.empty() && control * 10 > head.size()) return FileFormat::binary;
  return FileFormat::text;
}

std::string SourceLocation::str() const {
  std::string out;
  const auto part = [&](std::string_view what, std::size_t n) {
    if (!n) return;
    if (!out.empty()) out += ", ";
    out += what;
    out += ' ';
    out += std::to_string(n);
  };
  part("page", page);
  part("line", line);
  if (table) {
    part("table", table);
    part("row", row);
    part("cell", cell);
  } else {
    part("paragraph", paragraph);
  }
  return out;
}

namespace {

std::array<std::atomic<DocumentReader>, 5>& readers() {
  static std::array<std::atomic<DocumentReader>, 5> table{};
  return table;
}

std::size_t index_of(FileFormat f) { return static_cast<std::size_t>(f); }

// Text as a Document: one paragraph per line, so that the lines stage sees
// the text exactly as parse_minutes() would.
Document text_document(std::string_view bytes, std::string name) {
  Document d;
  d.name = std::move(name);
  d.format = FileFormat::text;
  Block b;
  b.text = std::string(bytes);
  d.blocks.push_back(std::move(b));
  return d;
}

// A cell's text on one line: its paragraphs and line breaks become spaces,
// tabs too (a tab inside a cell is not a column of the table).
std::string cell_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (const char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Markdown would read a leading '#', '>', '|' or "- " of a paragraph as
// markup; a backslash-free way to keep them literal is a leading no-break
// space, which the lines stage turns into an ordinary space and trims.
std::string literal(std::string_view s) {
  if (!s.empty() && (s.front() == '#' || s.front() == '>' || s.front() == '|')) return "\xC2\xA0" + std::string(s);
  return std::string(s);
}

}  // namespace

void register_reader(FileFormat format, DocumentReader reader) noexcept {
  readers()[index_of(format)].store(reader);
}

bool can_read(FileFormat format) noexcept {
  if (format == FileFormat::text || format == FileFormat::docx) return true;
  return readers()[index_of(format)].load() != nullptr;
}

Document read_document(std::string_view bytes, std::string name, const ReadLimits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    throw io_error("the file is larger than " + std::to_string(limits.max_file_bytes >> 20) + " MB", name);
  const FileFormat format = detect_format(bytes);
  if (const DocumentReader reader = readers()[index_of(format)].load()) return reader(bytes, std::move(name), limits);
  switch (format) {
    case FileFormat::text: return text_document(bytes, std::move(name));
    case FileFormat::docx: return read_docx(bytes, std::move(name), limits);
    case FileFormat::pdf:
      throw io_error(
          "a PDF, and this build has no PDF support (samverkan::pdf, built when libpoppler-cpp-dev is "
          "installed); convert it to text or install Poppler and rebuild",
          name);
    case FileFormat::other_zip:
      throw io_error("a zip package that is not a Word document (no word/document.xml): not minutes samverkan reads",
                     name);
    case FileFormat::binary: break;
  }
  throw io_error("neither text, a Word document (.docx) nor a PDF: not a format samverkan reads", name);
}

namespace {

// to_text(), and for each line the table row it is (nullptr for others).
std::string render(const Document& document, std::vector<SourceLocation>* locations, std::vector<const Block*>* rows) {
  std::string out;
  std::vector<SourceLocation> where;
  const Block* current_row = nullptr;
  const auto line = [&](std::string_view text, const SourceLocation& at) {
    out.append(text);
    out += '\n';
    where.push_back(at);
    if (rows) rows->push_back(current_row);
  };
  if (document.format == FileFormat::text) {
    for (const auto& b : document.blocks) out += b.text;
    if (locations) locations->clear();
    return out;
  }
  Block::Kind previous = Block::Kind::paragraph;
  bool first = true;
  bool previous_list = false;
  for (const auto& b : document.blocks) {
    if (b.kind == Block::Kind::table_row) {
      // Rows of one table follow each other; a blank line before the table.
      if (!first && previous != Block::Kind::table_row) line("", b.location);
      std::string row;
      for (std::size_t c = 0; c < b.cells.size(); ++c) {
        if (c) row += '\t';
        row += cell_text(b.cells[c].text);
      }
      current_row = &b;
      line(row, b.location);
      current_row = nullptr;
    } else {
      // A blank line between paragraphs, as converters write them; list
      // items follow each other as a list does.
      const bool list = b.list_level > 0;
      if (!first && !(list && previous_list && previous == Block::Kind::paragraph)) line("", b.location);
      std::size_t start = 0;
      std::size_t k = 0;
      for (;;) {
        std::size_t end = b.text.find('\n', start);
        const std::string_view part =
            std::string_view(b.text).substr(start, end == std::string::npos ? std::string::npos : end - start);
        const SourceLocation& at = k < b.line_locations.size() ? b.line_locations[k] : b.location;
        std::string text;
        if (k == 0 && b.heading > 0) {
          text.assign(static_cast<std::size_t>(std::min(b.heading, 6)), '#');
          text += ' ';
        }
        if (k == 0 && list) {
          text.append(static_cast<std::size_t>((b.list_level - 1) * 2), ' ');
          text += b.list_label.empty() ? std::string("- ") : b.list_label + ' ';
        }
        text += k == 0 && b.heading == 0 && !list ? literal(part) : std::string(part);
        line(text, at);
        if (end == std::string::npos) break;
        start = end + 1;
        ++k;
      }
      previous_list = list;
    }
    previous = b.kind;
    first = false;
  }
  if (locations) *locations = std::move(where);
  return out;
}

}  // namespace

std::string to_text(const Document& document, std::vector<SourceLocation>* locations) {
  return render(document, locations, nullptr);
}

ParsedMinutes parse_document(const Document& document, const ParseOptions& options) {
  if (document.format == FileFormat::text) {
    std::string text;
    for (const auto& b : document.blocks) text += b.text;
    auto parsed = parse_minutes(text, document.name, options);
    parsed.warnings.insert(parsed.warnings.begin(), document.warnings.begin(), document.warnings.end());
    return parsed;
  }
  std::vector<SourceLocation> where;
  std::vector<const Block*> row_of;
  const std::string text = render(document, &where, &row_of);
  auto lines = detail::split_lines(text);
  // Each table row is one line of the text: give it its cells back, empty
  // ones included, cleaned as the lines stage cleans text.
  for (auto& l : lines) {
    if (l.first != l.last || l.first == 0 || l.first > where.size() || !row_of[l.first - 1]) continue;
    const Block& row = *row_of[l.first - 1];
    std::vector<std::string> cells;
    for (const auto& c : row.cells) {
      std::string cleaned = cell_text(c.text);
      // The lines stage's cleaning of a whole line, applied to one cell
      // (no-break spaces, emphasis), so that cells and text agree.
      auto one = detail::split_lines(cleaned);
      cells.push_back(one.empty() ? std::string() : std::string(one.front().text()));
    }
    bool any = false;
    for (const auto& c : cells) any = any || !c.empty();
    lines.set_cells(l, any ? std::move(cells) : std::vector<std::string>());
  }
  auto parsed = detail::parse_lines(std::move(lines), document.name, options);
  parsed.line_count = where.size();
  parsed.locations.reserve(where.size());
  for (const auto& w : where) parsed.locations.push_back(w.str());
  for (auto& w : parsed.warnings) w.location = locate(parsed, w.line, w.line);
  parsed.warnings.insert(parsed.warnings.begin(), document.warnings.begin(), document.warnings.end());
  parsed.extensions["source.format"] = std::string(to_string(document.format));
  if (document.pages) parsed.extensions["source.pages"] = std::to_string(document.pages);
  return parsed;
}

std::string locate(const ParsedMinutes& minutes, std::size_t first_line, std::size_t last_line) {
  const auto& at = minutes.locations;
  if (first_line == 0 || first_line > at.size()) return {};
  if (last_line < first_line || last_line > at.size()) last_line = first_line;
  // Blank lines between paragraphs carry the next paragraph's place; a
  // span's own text starts at its first line.
  const std::string& a = at[first_line - 1];
  const std::string& b = at[last_line - 1];
  if (a == b || b.empty()) return a;
  if (a.empty()) return b;
  // "page 3, line 12 – line 14" when both are on one page.
  const std::size_t comma = a.find(", ");
  if (a.starts_with("page ") && comma != std::string::npos && b.compare(0, comma + 2, a, 0, comma + 2) == 0)
    return a + " \xE2\x80\x93 " + b.substr(comma + 2);
  return a + " \xE2\x80\x93 " + b;
}

}  // namespace import
SAMVERKAN_END_NAMESPACE
