// PDF text with its layout (poppler-cpp's word boxes), rebuilt into the
// lines, columns and paragraphs the minutes parser reads. GPL through
// Poppler: this file is the only one that includes it.
#include <samverkan/core/error.hpp>
#include <samverkan/core/text.hpp>
#include <samverkan/import/pdf.hpp>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>

SAMVERKAN_BEGIN_NAMESPACE
namespace import {

namespace {

struct Word {
  std::string text;
  double x = 0, y = 0, w = 0, h = 0;  // top-left origin
  double size = 0;
  bool bold = false;
};

struct PageLine {
  std::vector<Word> words;
  double top = 0, bottom = 0;
  double size = 0;  // the largest type on it
  bool bold = true;
  std::string text;  // words joined, columns as tabs
  std::size_t number = 0;  // one-based on its page
  /// The columns of the line: where each starts, and its text.
  std::vector<std::pair<double, std::string>> columns;
};

std::string utf8(const poppler::ustring& s) {
  const auto bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

bool bold_font(std::string_view font) {
  const std::string low = fold(font);
  return low.find("bold") != std::string::npos || low.find("black") != std::string::npos ||
         low.find("heavy") != std::string::npos || low.find("semibold") != std::string::npos;
}

// Words into lines: words whose vertical middles lie within half a line of
// each other share a line, read left to right.
std::vector<PageLine> lines_of(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.y + a.h / 2 < b.y + b.h / 2 || (a.y + a.h / 2 == b.y + b.h / 2 && a.x < b.x);
  });
  std::vector<PageLine> lines;
  for (auto& w : words) {
    const double mid = w.y + w.h / 2;
    if (!lines.empty()) {
      PageLine& l = lines.back();
      const double lmid = (l.top + l.bottom) / 2;
      if (std::abs(mid - lmid) <= std::max(1.0, std::min(w.h, l.bottom - l.top) * 0.5)) {
        l.top = std::min(l.top, w.y);
        l.bottom = std::max(l.bottom, w.y + w.h);
        l.words.push_back(std::move(w));
        continue;
      }
    }
    PageLine l;
    l.top = w.y;
    l.bottom = w.y + w.h;
    l.words.push_back(std::move(w));
    lines.push_back(std::move(l));
  }
  for (auto& l : lines) {
    std::sort(l.words.begin(), l.words.end(), [](const Word& a, const Word& b) { return a.x < b.x; });
    for (std::size_t k = 0; k < l.words.size(); ++k) {
      const Word& w = l.words[k];
      l.size = std::max(l.size, w.size);
      l.bold = l.bold && w.bold;
      if (k > 0) {
        const Word& p = l.words[k - 1];
        const double gap = w.x - (p.x + p.w);
        const double em = std::max(1.0, std::max(p.size, w.size));
        // A gap of two ems or more is a column break, one of a fifth of an
        // em a space (kerned pieces of one word have none).
        if (gap >= 2.0 * em) {
          l.text += '\t';
          l.columns.emplace_back(w.x, std::string());
        } else if (gap >= 0.15 * em) {
          l.text += ' ';
          l.columns.back().second += ' ';
        }
      } else {
        l.columns.emplace_back(w.x, std::string());
      }
      l.text += w.text;
      l.columns.back().second += w.text;
    }
  }
  return lines;
}

// A line's text with its digits folded, so that "Sida 2 av 9" and "Sida 3
// av 9" are one running footer.
std::string furniture_key(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      if (out.empty() || out.back() != '#') out += '#';
    } else {
      out += c;
    }
  }
  return fold(out);
}

bool ends_sentence(std::string_view t) {
  t = trim(t);
  if (t.empty()) return true;
  const char c = t.back();
  return c == '.' || c == ':' || c == '!' || c == '?' || c == ';';
}

bool starts_lowercase(std::string_view t) {
  t = trim(t);
  if (t.empty()) return false;
  const auto c = static_cast<unsigned char>(t[0]);
  if (c >= 'a' && c <= 'z') return true;
  // å ä ö é ü
  return t.size() >= 2 && c == 0xC3 && static_cast<unsigned char>(t[1]) >= 0xA0;
}

void quiet(const std::string&, void*) {}

// Runs of lines in columns become table rows with cells, each cell under
// the column it starts in: the columns are those of the run's line with the
// most of them (a table's heading row, usually), so a row with an empty
// cell keeps its other cells in their columns.
void tables(Document& doc, const std::vector<std::vector<const PageLine*>>& block_lines) {
  std::vector<Block> out;
  std::size_t table = 0;
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const Block& block = doc.blocks[b];
    const auto& lines = block_lines[b];
    std::size_t k = 0;
    Block rest = block;  // the block's lines outside tables, as a paragraph
    rest.text.clear();
    rest.line_locations.clear();
    const auto flush_rest = [&] {
      if (!rest.line_locations.empty()) {
        rest.location = rest.line_locations.front();
        out.push_back(rest);
      }
      rest.text.clear();
      rest.line_locations.clear();
    };
    while (k < lines.size()) {
      std::size_t end = k;
      while (end < lines.size() && lines[end]->columns.size() >= 2) ++end;
      if (end - k < 2 || block.heading) {
        // One line in columns ("Datum: ...   Tid: ...") stays a line.
        const std::size_t stop = std::max(end, k + 1);
        for (; k < stop; ++k) {
          if (!rest.text.empty()) rest.text += '\n';
          rest.text += lines[k]->text;
          rest.line_locations.push_back(block.line_locations[k]);
        }
        continue;
      }
      flush_rest();
      ++table;
      std::size_t widest = k;
      for (std::size_t j = k; j < end; ++j)
        if (lines[j]->columns.size() > lines[widest]->columns.size()) widest = j;
      std::vector<double> anchors;
      for (const auto& c : lines[widest]->columns) anchors.push_back(c.first);
      for (std::size_t j = k; j < end; ++j) {
        Block row;
        row.kind = Block::Kind::table_row;
        row.location = block.line_locations[j];
        row.location.table = table;
        row.location.row = j - k + 1;
        row.cells.resize(anchors.size());
        for (std::size_t c = 0; c < anchors.size(); ++c) {
          row.cells[c].location = row.location;
          row.cells[c].location.cell = c + 1;
        }
        const double slack = std::max(2.0, lines[j]->size);
        for (const auto& [x, text] : lines[j]->columns) {
          std::size_t c = 0;
          while (c + 1 < anchors.size() && anchors[c + 1] <= x + slack) ++c;
          auto& cell = row.cells[c].text;
          if (!cell.empty()) cell += ' ';
          cell += text;
        }
        out.push_back(std::move(row));
      }
      k = end;
    }
    flush_rest();
  }
  doc.blocks = std::move(out);
}

}  // namespace

Document read_pdf(std::string_view bytes, std::string name, const ReadLimits& limits) {
  if (bytes.size() > limits.max_file_bytes)
    throw io_error("the file is larger than " + std::to_string(limits.max_file_bytes >> 20) + " MB", name);
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw io_error("the PDF is too large", name);
  // Poppler reads from the buffer while the document lives; it is ours.
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) throw io_error("a damaged PDF, or not a PDF (Poppler cannot open it)", name);
  if (pdf->is_locked()) throw io_error("the PDF is encrypted with a password; it cannot be read", name);

  Document doc;
  doc.name = std::move(name);
  doc.format = FileFormat::pdf;
  const int page_count = pdf->pages();
  std::size_t pages = page_count > 0 ? static_cast<std::size_t>(page_count) : 0;
  if (pages > limits.max_pages) {
    doc.warnings.push_back(Warning{doc.name, 0,
                                   "the PDF has " + std::to_string(pages) + " pages; only the first " +
                                       std::to_string(limits.max_pages) + " are read",
                                   "", ""});
    pages = limits.max_pages;
  }

  struct Page {
    std::vector<PageLine> lines;
    double height = 0;
  };
  std::vector<Page> read(pages);
  std::vector<double> sizes;
  std::size_t words = 0;
  for (std::size_t p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(pdf->create_page(static_cast<int>(p)));
    if (!page) continue;
    read[p].height = page->page_rect().height();
    std::vector<Word> ws;
    for (const auto& box : page->text_list(poppler::page::text_list_include_font)) {
      Word w;
      w.text = utf8(box.text());
      if (trim(w.text).empty()) continue;
      const auto r = box.bbox();
      w.x = r.x();
      w.y = r.y();
      w.w = r.width();
      w.h = r.height();
      w.size = box.get_font_size();
      w.bold = bold_font(box.get_font_name());
      sizes.push_back(w.size);
      ws.push_back(std::move(w));
    }
    words += ws.size();
    read[p].lines = lines_of(std::move(ws));
    for (std::size_t k = 0; k < read[p].lines.size(); ++k) read[p].lines[k].number = k + 1;
  }
  doc.pages = pages;
  if (words == 0) {
    doc.warnings.push_back(Warning{doc.name, 0,
                                   "no text on its " + std::to_string(pages) +
                                       " page(s): a scanned image? Nothing was imported; OCR the document "
                                       "first (e.g. ocrmypdf with tesseract-ocr-swe)",
                                   "", ""});
    return doc;
  }
  std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2), sizes.end());
  const double body_size = sizes[sizes.size() / 2];

  // Running headers and footers: among a page's first and last two lines,
  // those in the top or bottom eighth of the page whose text (digits
  // folded) recurs on at least half the pages. A header's first showing
  // stays: it often names the body and the date, and it is the record's.
  std::vector<std::vector<bool>> drop(pages);
  if (pages >= 2) {
    std::unordered_map<std::string, std::size_t> seen;
    const auto edges = [&](std::size_t p, auto&& f) {
      const auto& lines = read[p].lines;
      const double h = read[p].height > 0 ? read[p].height : 842;
      for (std::size_t k = 0; k < lines.size(); ++k) {
        const bool top = k < 2 && lines[k].bottom < h / 8;
        const bool bottom = k + 2 >= lines.size() && lines[k].top > h * 7 / 8;
        if (top || bottom) f(k, bottom && !top);
      }
    };
    for (std::size_t p = 0; p < pages; ++p) {
      std::vector<std::string> keys;
      edges(p, [&](std::size_t k, bool) { keys.push_back(furniture_key(read[p].lines[k].text)); });
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      for (const auto& key : keys) ++seen[key];
    }
    std::unordered_map<std::string, bool> shown;
    for (std::size_t p = 0; p < pages; ++p) {
      drop[p].assign(read[p].lines.size(), false);
      edges(p, [&](std::size_t k, bool bottom) {
        const auto key = furniture_key(read[p].lines[k].text);
        // A footer goes from every page, its first too: left on page one it
        // would cut a table or sentence that goes on over the page break.
        if (seen[key] * 2 >= pages && seen[key] >= 2 && (!shown.emplace(key, true).second || bottom))
          drop[p][k] = true;
      });
    }
  }

  // Lines into blocks: a paragraph ends where the gap to the next line is
  // more than three quarters of a line (single and 1.5 spacing go on, an
  // empty line or paragraph spacing ends it), or at a heading.
  Block current;
  std::vector<const PageLine*> current_lines;
  std::vector<std::vector<const PageLine*>> block_lines;  // beside doc.blocks
  bool open = false;
  double last_bottom = 0;
  double last_height = 0;
  const auto close = [&] {
    if (open) {
      doc.blocks.push_back(std::move(current));
      block_lines.push_back(std::move(current_lines));
    }
    current = Block{};
    current_lines.clear();
    open = false;
  };
  for (std::size_t p = 0; p < pages; ++p) {
    bool first_on_page = true;
    for (std::size_t k = 0; k < read[p].lines.size(); ++k) {
      if (!drop[p].empty() && drop[p][k]) continue;
      const PageLine& l = read[p].lines[k];
      const double height = std::max(1.0, l.bottom - l.top);
      const int heading = l.size >= body_size * 1.25 ? (l.size >= body_size * 1.6 ? 1 : 2)
                          : (l.bold && l.text.size() <= 100 && l.text.find('\t') == std::string::npos) ? 3
                                                                                                       : 0;
      const SourceLocation at{.page = p + 1, .line = l.number};
      bool join = open && heading == 0 && current.heading == 0;
      if (join) {
        if (first_on_page) {
          // Over a page break only a sentence or a table goes on.
          const std::string_view prev = std::string_view(current.text).substr(current.text.rfind('\n') + 1);
          const bool table = prev.find('\t') != std::string_view::npos && l.text.find('\t') != std::string::npos;
          join = table || (!ends_sentence(prev) && starts_lowercase(l.text));
        } else {
          join = l.top - last_bottom <= std::max(last_height, height) * 0.75;
        }
      }
      if (!join) {
        close();
        current.location = at;
        current.heading = heading;
        open = true;
      } else {
        current.text += '\n';
      }
      current.text += l.text;
      current.line_locations.push_back(at);
      current_lines.push_back(&l);
      last_bottom = l.bottom;
      last_height = height;
      first_on_page = false;
      if (heading) close();
    }
  }
  close();
  tables(doc, block_lines);
  return doc;
}

void register_pdf_reader() noexcept {
  poppler::set_debug_error_function(quiet, nullptr);
  register_reader(FileFormat::pdf, [](std::string_view bytes, std::string name, const ReadLimits& limits) {
    return read_pdf(bytes, std::move(name), limits);
  });
}

}  // namespace import
SAMVERKAN_END_NAMESPACE
