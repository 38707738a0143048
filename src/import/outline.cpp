// The outline stage: see outline.hpp.
#include "outline.hpp"

#include "scan.hpp"

#include <samverkan/core/text.hpp>

#include <algorithm>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

namespace {

using L = LabelKind;

bool opens_attendance(const ClassifiedLine& c) {
  if (c.kind != LineKind::label) return false;
  switch (c.label.kind) {
    case L::present:
    case L::invited:
    case L::absent:
    case L::excused:
    case L::substitutes:
    case L::coopted:
    case L::guests:
      return true;
    default:
      return false;
  }
}

// Labels of the header: where, when, what kind of record.
bool header_label(const ClassifiedLine& c) {
  if (c.kind != LineKind::label) return false;
  switch (c.label.kind) {
    case L::date:
    case L::time:
    case L::date_time:
    case L::place:
    case L::form:
    case L::place_form:
    case L::kind:
    case L::body:
    case L::case_number:
    case L::ignored:
      return true;
    default:
      return false;
  }
}

// A heading-numbered record's item: a heading, or a short line standing
// alone, followed by running text or a list.
bool heading_item(const Lines& lines, const Classified& c, std::size_t k) {
  const Line& l = lines[k];
  const ClassifiedLine& cl = c.lines[k];
  if (cl.kind != LineKind::heading && cl.kind != LineKind::text) return false;
  if (l.text().size() > 90 || !starts_upper(l.text())) return false;
  const char end = l.text().back();
  if (end == '.' || end == ',' || end == ':' || end == ';') return false;
  if (c.headings_marked && !l.heading) return false;
  if (cl.kind == LineKind::text && !stands_alone(lines, k)) return false;
  if (looks_like_person(l.text())) return false;
  std::size_t n = k + 1;
  while (n < lines.size() && n <= k + 40 && c.lines[n].kind == LineKind::blank) ++n;
  if (n >= lines.size() || n > k + 40) return false;
  const Line& next = lines[n];
  return next.text().size() > 60 || (!next.text().empty() && (next.text().back() == '.' || next.text().back() == ':')) ||
         next.bullet || c.lines[n].kind == LineKind::label;
}

// The label as written, without its value: "Beslutande" of "Beslutande\tAnna Berg".
std::string label_text(const Line& l, const Label& label) {
  std::string_view t = l.text();
  if (!label.raw.empty() && t.ends_with(label.raw)) t.remove_suffix(label.raw.size());
  else if (!label.value.empty() && t.ends_with(label.value)) t.remove_suffix(label.value.size());
  t = trim(t);
  while (!t.empty() && (t.back() == ':' || t.back() == '\t' || t.back() == ' ')) t.remove_suffix(1);
  return std::string(t);
}

// Under an attendance list, a heading over names is a group of the list
// ("Kommunerna" over "- Jonas Åkesson, VästKom"), not an item.
bool heads_names(const Lines& lines, const Classified& c, std::size_t k) {
  std::size_t n = k + 1;
  while (n < lines.size() && n <= k + 3 && c.lines[n].kind == LineKind::blank) ++n;
  if (n >= lines.size() || n > k + 3) return false;
  const Line& next = lines[n];
  std::string_view first = next.text();
  first = first.substr(0, std::min({first.find(','), first.find('\t'), first.find('('), first.size()}));
  return looks_like_person(trim(first));
}

}  // namespace

std::vector<Section> outline(const Lines& lines, const Classified& c) {
  std::vector<Section> out;
  // The last item start: a signature label after it opens the closing; one
  // before it (an adjuster chosen under item 1) is part of an item.
  std::size_t last_item = std::string::npos;
  for (std::size_t k = 0; k < lines.size(); ++k)
    if (c.lines[k].kind == LineKind::item_number) last_item = k;

  auto open = [&](SectionKind kind, std::size_t k, std::string heading) {
    if (!out.empty() && out.back().kind == kind && kind != SectionKind::item && heading.empty()) return;
    out.push_back(Section{kind, k, k, std::move(heading)});
  };
  bool seen_item = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const ClassifiedLine& cl = c.lines[k];
    if (cl.kind == LineKind::blank) continue;
    const Line& l = lines[k];
    const SectionKind now = out.empty() ? SectionKind::header : out.back().kind;
    if (cl.kind == LineKind::item_number && now != SectionKind::annex) {
      std::string h = cl.item->number;
      if (!cl.item->title.empty()) h += (h.empty() ? "" : " ") + cl.item->title;
      open(SectionKind::item, k, std::move(h));
      seen_item = true;
    } else if (now == SectionKind::closing && (cl.label.kind == L::attachments || (l.heading && cl.kind != LineKind::signature))) {
      open(SectionKind::annex, k, std::string(l.text()));
    } else if (cl.kind == LineKind::signature && (last_item == std::string::npos ? seen_item || !out.empty() : k > last_item) &&
               now != SectionKind::annex && now != SectionKind::closing &&
               (now == SectionKind::item || last_item == std::string::npos)) {
      open(SectionKind::closing, k, std::string(l.text()));
    } else if (opens_attendance(cl) && (now == SectionKind::header || now == SectionKind::attendance)) {
      open(SectionKind::attendance, k, label_text(l, cl.label));
    } else if (now == SectionKind::attendance && header_label(cl)) {
      open(SectionKind::header, k, "");
    } else if (c.style == ItemStyle::headings && (now == SectionKind::attendance || now == SectionKind::item ||
                                                  (now == SectionKind::header && cl.label.kind == L::agenda)) &&
               (cl.label.kind == L::none || heads_an_item(cl.label)) && heading_item(lines, c, k) &&
               !(now == SectionKind::attendance && heads_names(lines, c, k))) {
      open(SectionKind::item, k, std::string(l.text()));
      seen_item = true;
    } else if (out.empty()) {
      open(SectionKind::header, k, "");
    }
    out.back().last = k;
  }
  // "1 Inledning ... 7 Nästa möte" as one line each, then the same numbers
  // again with text under them: the first run was the agenda.
  std::size_t first_item = 0;
  while (first_item < out.size() && out[first_item].kind != SectionKind::item) ++first_item;
  if (first_item < out.size() && c.lines[out[first_item].first].item) {
    const std::string& number = c.lines[out[first_item].first].item->number;
    for (std::size_t s = first_item + 1; s < out.size(); ++s) {
      if (out[s].kind != SectionKind::item) break;
      const auto& item = c.lines[out[s].first].item;
      bool bare = true;
      for (std::size_t t = first_item; t < s; ++t) bare = bare && out[t].first == out[t].last;
      if (!bare) break;
      if (item && item->number == number) {
        out[first_item].kind = SectionKind::agenda;
        out[first_item].heading = "";
        out[first_item].last = out[s - 1].last;
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(first_item) + 1, out.begin() + static_cast<std::ptrdiff_t>(s));
        break;
      }
    }
  }
  return out;
}

std::string describe(const Lines& lines, const Classified& c, const std::vector<Section>& sections) {
  std::string out = "style ";
  out += c.style == ItemStyle::paragraphs ? "paragraphs" : c.style == ItemStyle::numbered ? "numbered" : "headings";
  if (c.loose_numbers) out += " (loose numbers)";
  out += '\n';
  for (const auto& s : sections) {
    switch (s.kind) {
      case SectionKind::header: out += "header"; break;
      case SectionKind::attendance: out += "attendance"; break;
      case SectionKind::item: out += "item"; break;
      case SectionKind::closing: out += "closing"; break;
      case SectionKind::annex: out += "annex"; break;
      case SectionKind::agenda: out += "agenda"; break;
    }
    if (!s.heading.empty()) {
      std::size_t cut = std::min<std::size_t>(s.heading.size(), 60);
      while (cut > 0 && cut < s.heading.size() && (static_cast<unsigned char>(s.heading[cut]) & 0xC0) == 0x80) --cut;
      std::string h = s.heading.substr(0, cut);
      for (char& ch : h)
        if (ch == '\t') ch = ' ';
      out += " \xC2\xAB" + h + "\xC2\xBB";
    }
    out += " lines " + std::to_string(lines[s.first].first) + "-" + std::to_string(lines[s.last].last) + '\n';
  }
  return out;
}

std::string describe_outline(std::string_view document) {
  Encoding encoding = Encoding::utf8;
  std::size_t replaced = 0;
  auto lines = split_lines(to_utf8(document, encoding, replaced));
  join_title_continuations(lines);
  const Classified c = classify(lines);
  return describe(lines, c, outline(lines, c));
}

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
