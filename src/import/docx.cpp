// Word documents (.docx): the zip package read with libzip, its
// WordprocessingML with pugixml, into a Document of paragraphs (style,
// list number, line breaks) and table rows of cells.
//
// Hostile packages are bounded: each part is unpacked into at most
// ReadLimits::max_part_bytes whatever its header claims (a zip bomb stops
// there), the XML is parsed without a DTD (no entity is declared, so none is
// expanded and nothing external is fetched), and the tree is walked with an
// explicit depth bound, so 10^6 nested elements neither recurse nor hang.
#include "scan.hpp"

#include <samverkan/core/error.hpp>
#include <samverkan/core/text.hpp>
#include <samverkan/import/document.hpp>

#include <pugixml.hpp>
#include <zip.h>

#include <map>
#include <memory>
#include <optional>

SAMVERKAN_BEGIN_NAMESPACE
namespace import {

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const noexcept { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const noexcept { zip_fclose(f); }
};

class Package {
 public:
  Package(std::string_view bytes, const std::string& name, const ReadLimits& limits) : name_(name), limits_(limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) fail("cannot read the zip package", &error);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
      zip_source_free(source);
      fail("a damaged zip package", &error);
    }
    zip_.reset(archive);
    zip_error_fini(&error);
  }

  /// The part unpacked, or nullopt when the package has no such member.
  std::optional<std::string> part(const char* member) const {
    const zip_int64_t index = zip_name_locate(zip_.get(), member, 0);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(index), 0, &st) == 0 &&
        (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      throw io_error(std::string("the member ") + member + " is encrypted: a password-protected document", name_);
    if ((st.valid & ZIP_STAT_SIZE) && st.size > limits_.max_part_bytes) too_large(member);
    std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(index), 0));
    if (!file) {
      const std::string why = zip_error_strerror(zip_get_error(zip_.get()));
      throw io_error(std::string("cannot unpack ") + member + ": " + why, name_);
    }
    std::string out;
    char buffer[1 << 16];
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
      if (n < 0) {
        const std::string why = zip_error_strerror(zip_file_get_error(file.get()));
        throw io_error(std::string("a damaged member ") + member + ": " + why, name_);
      }
      if (n == 0) break;
      // The size in the header may lie: the bytes themselves are counted.
      if (out.size() + static_cast<std::size_t>(n) > limits_.max_part_bytes) too_large(member);
      out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& what, zip_error_t* error) const {
    const std::string why = zip_error_strerror(error);
    zip_error_fini(error);
    throw io_error(what + " (" + why + ")", name_);
  }
  [[noreturn]] void too_large(const char* member) const {
    throw io_error(std::string(member) + " unpacks to more than " + std::to_string(limits_.max_part_bytes >> 20) +
                       " MB (a zip bomb?); not read",
                   name_);
  }

  std::string name_;
  ReadLimits limits_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
};

// Element names without their namespace prefix: packages mostly write
// "w:", but the prefix is the writer's choice.
std::string_view local(const pugi::xml_node& n) {
  const std::string_view name = n.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (auto c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local(c) == name) return c;
  return {};
}

std::string_view attr(const pugi::xml_node& n, std::string_view name) {
  for (auto a = n.first_attribute(); a; a = a.next_attribute()) {
    std::string_view an = a.name();
    const std::size_t colon = an.find(':');
    if (colon != std::string_view::npos) an = an.substr(colon + 1);
    if (an == name) return a.value();
  }
  return {};
}

int to_int(std::string_view s, int fallback) {
  if (s.empty() || s.size() > 6) return fallback;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return fallback;
    v = v * 10 + (c - '0');
  }
  return v;
}

pugi::xml_document parse_xml(const std::string& text, const char* member, const std::string& name) {
  pugi::xml_document doc;
  // No DTD is read (parse_doctype off): entities are the five of XML only.
  const unsigned options = (pugi::parse_default | pugi::parse_ws_pcdata_single) & ~pugi::parse_doctype;
  const auto result = doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!result)
    throw io_error(std::string(member) + " is not well-formed XML (" + result.description() + " at byte " +
                       std::to_string(result.offset) + ")",
                   name);
  return doc;
}

struct Style {
  std::string name;
  std::string based_on;
  int outline = -1;  // 0-8 from w:outlineLvl
  int num_id = -1;
  int num_level = 0;
};

struct Level {
  int start = 1;
  std::string format = "decimal";
  std::string text = "%1.";
};

std::string roman(int n, bool upper) {
  static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                       {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                                       {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& [v, s] : table)
    while (n >= v && out.size() < 32) {
      out += s;
      n -= v;
    }
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string format_number(int n, std::string_view format) {
  if (format == "lowerLetter" || format == "upperLetter") {
    std::string out;
    const char base = format == "lowerLetter" ? 'a' : 'A';
    for (int v = n; v > 0 && out.size() < 8; v = (v - 1) / 26) out.insert(out.begin(), static_cast<char>(base + (v - 1) % 26));
    return out;
  }
  if (format == "lowerRoman") return roman(n, false);
  if (format == "upperRoman") return roman(n, true);
  return std::to_string(n);
}

class Reader {
 public:
  Reader(std::string name, const ReadLimits& limits) : limits_(limits) {
    doc_.name = std::move(name);
    doc_.format = FileFormat::docx;
  }

  void styles(const pugi::xml_document& xml) {
    const auto root = xml.document_element();
    for (auto s = root.first_child(); s; s = s.next_sibling()) {
      if (local(s) != "style" || attr(s, "type") != "paragraph") continue;
      Style st;
      st.name = detail::lower(std::string(attr(child(s, "name"), "val")));
      st.based_on = std::string(attr(child(s, "basedOn"), "val"));
      const auto ppr = child(s, "pPr");
      if (const auto o = child(ppr, "outlineLvl")) st.outline = to_int(attr(o, "val"), -1);
      if (const auto num = child(ppr, "numPr")) {
        st.num_id = to_int(attr(child(num, "numId"), "val"), -1);
        st.num_level = to_int(attr(child(num, "ilvl"), "val"), 0);
      }
      styles_[std::string(attr(s, "styleId"))] = std::move(st);
    }
  }

  void numbering(const pugi::xml_document& xml) {
    const auto root = xml.document_element();
    std::map<int, std::map<int, Level>> abstract;
    for (auto a = root.first_child(); a; a = a.next_sibling()) {
      if (local(a) != "abstractNum") continue;
      auto& levels = abstract[to_int(attr(a, "abstractNumId"), -1)];
      for (auto l = a.first_child(); l; l = l.next_sibling()) {
        if (local(l) != "lvl") continue;
        Level level;
        level.start = to_int(attr(child(l, "start"), "val"), 1);
        if (const auto f = child(l, "numFmt")) level.format = std::string(attr(f, "val"));
        if (const auto t = child(l, "lvlText")) level.text = std::string(attr(t, "val"));
        levels[to_int(attr(l, "ilvl"), 0)] = std::move(level);
      }
    }
    for (auto n = root.first_child(); n; n = n.next_sibling()) {
      if (local(n) != "num") continue;
      const int abstract_id = to_int(attr(child(n, "abstractNumId"), "val"), -1);
      if (const auto found = abstract.find(abstract_id); found != abstract.end())
        lists_[to_int(attr(n, "numId"), -1)] = found->second;
    }
  }

  void body(const pugi::xml_node& body) { blocks(body, 0); }

  Document done() && { return std::move(doc_); }

 private:
  // Block-level content: paragraphs, tables, and the containers Word wraps
  // them in (content controls, custom XML, tracked insertions).
  void blocks(const pugi::xml_node& parent, std::size_t depth) {
    if (!depth_ok(depth)) return;
    for (auto n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      const auto name = local(n);
      if (name == "p") {
        paragraph(n, depth + 1);
      } else if (name == "tbl") {
        table(n, depth + 1);
      } else if (name == "sdt") {
        blocks(child(n, "sdtContent"), depth + 2);
      } else if (name == "customXml" || name == "ins" || name == "smartTag") {
        blocks(n, depth + 1);
      }
    }
  }

  bool depth_ok(std::size_t depth) {
    if (depth <= limits_.max_depth) return true;
    if (!deep_warned_) {
      deep_warned_ = true;
      doc_.warnings.push_back(Warning{doc_.name, 0,
                                      "elements nested deeper than " + std::to_string(limits_.max_depth) +
                                          " levels; their text is left out",
                                      "", ""});
    }
    return false;
  }

  // The text of a paragraph's runs, with tabs and line breaks.
  void runs(const pugi::xml_node& parent, std::string& out, std::size_t depth) {
    if (!depth_ok(depth)) return;
    for (auto n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      const auto name = local(n);
      if (name == "t") {
        out += n.text().get();
      } else if (name == "tab" || name == "ptab") {
        out += '\t';
      } else if (name == "br" || name == "cr") {
        out += '\n';
      } else if (name == "noBreakHyphen") {
        out += '-';
      } else if (name == "sym") {
        out += ' ';
      } else if (name == "r" || name == "hyperlink" || name == "ins" || name == "smartTag" || name == "fldSimple" ||
                 name == "customXml" || name == "moveTo" || name == "dir" || name == "bdo") {
        runs(n, out, depth + 1);
      } else if (name == "sdt") {
        runs(child(n, "sdtContent"), out, depth + 2);
      }
      // w:del, w:delText (deleted text), w:rPr, w:pPr, w:instrText (field
      // codes), w:footnoteReference: not the text a reader sees.
    }
  }

  const Style* style(std::string_view id) const {
    const auto found = styles_.find(std::string(id));
    return found == styles_.end() ? nullptr : &found->second;
  }

  int heading_of(std::string_view style_id, int outline) const {
    if (outline >= 0 && outline < 9) return outline + 1;
    std::string id(style_id);
    for (int hops = 0; hops < 10 && !id.empty(); ++hops) {
      const Style* s = style(id);
      if (!s) break;
      for (std::string_view prefix : {"heading ", "rubrik "})
        if (s->name.starts_with(prefix)) return std::clamp(to_int(s->name.substr(prefix.size()), 1), 1, 9);
      if (s->name == "title" || s->name == "rubrik") return 1;
      if (s->outline >= 0 && s->outline < 9) return s->outline + 1;
      id = s->based_on;
    }
    return 0;
  }

  // The list a paragraph is an item of, from its own numPr or its style's.
  std::pair<int, int> list_of(const pugi::xml_node& ppr, std::string_view style_id) const {
    if (const auto num = child(ppr, "numPr"))
      return {to_int(attr(child(num, "numId"), "val"), -1), to_int(attr(child(num, "ilvl"), "val"), 0)};
    std::string id(style_id);
    for (int hops = 0; hops < 10 && !id.empty(); ++hops) {
      const Style* s = style(id);
      if (!s) break;
      if (s->num_id >= 0) return {s->num_id, s->num_level};
      id = s->based_on;
    }
    return {-1, 0};
  }

  void number(Block& b, int num_id, int level) {
    const auto list = lists_.find(num_id);
    if (num_id <= 0 || list == lists_.end()) return;  // numId 0 switches numbering off
    level = std::clamp(level, 0, 8);
    const auto lv = list->second.find(level);
    const Level fmt = lv == list->second.end() ? Level{} : lv->second;
    if (fmt.format == "none") return;
    auto& counters = counters_[num_id];
    counters.resize(9, 0);
    for (int k = 0; k < 9; ++k)
      if (counters[static_cast<std::size_t>(k)] == 0 && k <= level) {
        const auto l = list->second.find(k);
        counters[static_cast<std::size_t>(k)] = (l == list->second.end() ? 1 : l->second.start) - (k == level ? 1 : 0);
      }
    ++counters[static_cast<std::size_t>(level)];
    for (int k = level + 1; k < 9; ++k) counters[static_cast<std::size_t>(k)] = 0;
    b.list_level = level + 1;
    if (fmt.format == "bullet") return;
    std::string label;
    for (std::size_t i = 0; i < fmt.text.size(); ++i) {
      if (fmt.text[i] == '%' && i + 1 < fmt.text.size() && fmt.text[i + 1] >= '1' && fmt.text[i + 1] <= '9') {
        const int k = fmt.text[i + 1] - '1';
        const auto l = list->second.find(k);
        label += format_number(counters[static_cast<std::size_t>(k)],
                               l == list->second.end() ? std::string_view("decimal") : std::string_view(l->second.format));
        ++i;
      } else {
        label += fmt.text[i];
      }
    }
    b.list_label = std::string(trim(label));
  }

  void paragraph(const pugi::xml_node& p, std::size_t depth) {
    ++paragraphs_;
    Block b;
    b.location.paragraph = paragraphs_;
    runs(p, b.text, depth);
    const auto ppr = child(p, "pPr");
    const std::string_view style_id = attr(child(ppr, "pStyle"), "val");
    const auto outline = child(ppr, "outlineLvl");
    b.heading = heading_of(style_id, outline ? to_int(attr(outline, "val"), -1) : -1);
    const auto [num_id, level] = list_of(ppr, style_id);
    number(b, num_id, level);
    if (b.list_level > 0 && b.heading > 0) {
      // A numbered heading ("4. Budget"): the number is part of its title.
      if (!b.list_label.empty()) b.text = b.list_label + ' ' + b.text;
      b.list_level = 0;
      b.list_label.clear();
    }
    if (in_cell_) {
      if (!cell_text_->empty()) *cell_text_ += '\n';
      *cell_text_ += b.text;
      return;
    }
    if (trim(b.text).empty()) return;  // spacing paragraphs
    doc_.blocks.push_back(std::move(b));
  }

  void table(const pugi::xml_node& tbl, std::size_t depth) {
    if (in_cell_) {
      // A table inside a cell: its text belongs to the cell, a row a line.
      for (auto tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
        if (local(tr) != "tr" || !depth_ok(depth + 1)) continue;
        for (auto tc = tr.first_child(); tc; tc = tc.next_sibling())
          if (local(tc) == "tc") blocks(tc, depth + 2);
      }
      return;
    }
    const std::size_t number = ++tables_;
    std::size_t row_number = 0;
    std::vector<std::string> above;  // the previous row's cells, by grid column
    for (auto tr = tbl.first_child(); tr; tr = tr.next_sibling()) {
      const auto name = local(tr);
      if (name != "tr") continue;
      if (!depth_ok(depth + 1)) return;
      Block row;
      row.kind = Block::Kind::table_row;
      row.location = SourceLocation{.table = number, .row = ++row_number};
      std::size_t column = 0;
      for (auto tc = tr.first_child(); tc; tc = tc.next_sibling()) {
        if (local(tc) != "tc") continue;
        const auto tcpr = child(tc, "tcPr");
        const int span = std::clamp(to_int(attr(child(tcpr, "gridSpan"), "val"), 1), 1, 64);
        const auto vmerge = child(tcpr, "vMerge");
        // vMerge without "restart" continues the cell above: read once.
        const bool continued = vmerge && attr(vmerge, "val") != "restart";
        Cell cell;
        cell.location = SourceLocation{.paragraph = paragraphs_ + 1, .table = number, .row = row_number, .cell = ++column};
        std::string text;
        in_cell_ = true;
        cell_text_ = &text;
        blocks(tc, depth + 2);
        in_cell_ = false;
        cell_text_ = nullptr;
        if (continued) {
          // The cell above goes on down: the row's value is still its text
          // (the organisation of each person of a merged group).
          cell.text = column - 1 < above.size() ? above[column - 1] : std::string();
          cell.merged = true;
        } else {
          cell.text = std::string(trim(text));
        }
        row.cells.push_back(std::move(cell));
        for (int k = 1; k < span; ++k) {
          Cell covered;
          covered.merged = true;
          covered.location = SourceLocation{.table = number, .row = row_number, .cell = ++column};
          row.cells.push_back(std::move(covered));
        }
        if (row.cells.size() > 256) break;
      }
      above.clear();
      for (const auto& c : row.cells) above.push_back(c.text);
      bool any = false;
      for (const auto& c : row.cells) any = any || !c.text.empty();
      if (any) doc_.blocks.push_back(std::move(row));
    }
  }

  ReadLimits limits_;
  Document doc_;
  std::map<std::string, Style> styles_;
  std::map<int, std::map<int, Level>> lists_;
  std::map<int, std::vector<int>> counters_;
  std::size_t paragraphs_ = 0;
  std::size_t tables_ = 0;
  bool in_cell_ = false;
  std::string* cell_text_ = nullptr;
  bool deep_warned_ = false;
};

}  // namespace

Document read_docx(std::string_view bytes, std::string name, const ReadLimits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    throw io_error("the file is larger than " + std::to_string(limits.max_file_bytes >> 20) + " MB", name);
  const Package package(bytes, name, limits);
  const auto main = package.part("word/document.xml");
  if (!main) throw io_error("a zip package without word/document.xml: not a Word document", name);
  Reader reader(name, limits);
  if (const auto styles = package.part("word/styles.xml")) reader.styles(parse_xml(*styles, "word/styles.xml", name));
  if (const auto numbering = package.part("word/numbering.xml"))
    reader.numbering(parse_xml(*numbering, "word/numbering.xml", name));
  const auto xml = parse_xml(*main, "word/document.xml", name);
  const auto body = child(xml.document_element(), "body");
  if (!body) throw io_error("word/document.xml has no w:body: not a Word document", name);
  reader.body(body);
  return std::move(reader).done();
}

}  // namespace import
SAMVERKAN_END_NAMESPACE
