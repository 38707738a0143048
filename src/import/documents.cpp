// The agreement and action-plan readers: a stage after the lines stage that
// finds where a document holds an agreement or a plan and reads its facts
// sentence by sentence, with the shared date and amount scanners.
#include "lines.hpp"
#include "scan.hpp"
#include "vocabulary.hpp"

#include <samverkan/core/text.hpp>
#include <samverkan/import/documents.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

SAMVERKAN_BEGIN_NAMESPACE
namespace import {

namespace {

using namespace detail;
constexpr auto npos = std::string_view::npos;

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '-' || s.front() == ':')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '.' || s.back() == ',' ||
                        s.back() == ':' || s.back() == ';'))
    s.remove_suffix(1);
  // A dash written as en dash at either end ("– 350 000 000 kronor").
  while (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x93") {
    s.remove_suffix(3);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  }
  return std::string(s);
}

std::vector<std::string> cells(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto tab = text.find('\t', start);
    const auto cell = trim(text.substr(start, tab == npos ? npos : tab - start));
    if (!cell.empty()) out.emplace_back(cell);
    if (tab == npos) break;
    start = tab + 1;
  }
  return out;
}

bool ends_sentence(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '*')) s.remove_suffix(1);
  return !s.empty() && (s.back() == '.' || s.back() == ':' || s.back() == ';' || s.back() == ',');
}

Date last_day(int y, unsigned m) {
  const std::chrono::year_month_day_last l{std::chrono::year{y}, std::chrono::month_day_last{std::chrono::month{m}}};
  return Date{l};
}

/// A sentence or list entry with the lines it came from.
struct Sentence {
  std::string text;
  std::string low;
  std::size_t first = 0, last = 0;
  /// Index of the paragraph it belongs to.
  std::size_t paragraph = 0;
  bool bullet = false;
};

/// A heading's or lead-in's context for the sentences under it.
struct Context {
  std::string block;
  bool performance = false;
};

std::string block_in(std::string_view low) {
  for (std::string_view w : agreement_block_words()) {
    for (std::size_t at = find_word(low, w); at != npos; at = find_word(low, w, at + 1)) {
      std::size_t p = at + w.size();
      while (p < low.size() && low[p] == ' ') ++p;
      std::size_t q = p;
      while (q < low.size() && is_digit(low[q])) ++q;
      if (q > p) return std::string(low.substr(p, q - p));
      const auto rest = low.substr(p);
      if (auto n = small_number_word(rest.substr(0, rest.find_first_of(" ,.:;)"))); n > 0) return std::to_string(n);
    }
  }
  return {};
}

// ---------------------------------------------------------------- reader

constexpr std::size_t max_facts = 2000;

class Reader {
 public:
  Reader(Lines lines, std::string document, const ParseOptions& options, const ParsedMinutes* minutes)
      : options_(options), minutes_(minutes) {
    out_.document = std::move(document);
    lines_ = std::move(lines);
  }

  ParsedDocuments run() {
    find_segments();
    for (const auto& s : segments_) {
      if (s.plan)
        read_plan(s);
      else
        read_agreement(s);
    }
    return std::move(out_);
  }

 private:
  struct Segment {
    bool plan = false;
    std::size_t begin = 0, end = 0;     // [begin, end) in lines_
    std::size_t head_end = 0;           // first line after the title cluster
    std::vector<std::size_t> heads;     // lines of the title cluster
  };

  void warn(std::size_t line, std::string message, std::string text = {}) {
    if (out_.warnings.size() < 200) out_.warnings.push_back(Warning{out_.document, line, std::move(message), std::move(text)});
  }
  Provenance span(std::size_t a, std::size_t b) const {
    return Provenance{out_.document, lines_[a].first, lines_[b].last};
  }
  Provenance span(const Sentence& s) const { return Provenance{out_.document, s.first, s.last}; }

  // A line that could be a title or heading: not a sentence, not a bullet.
  bool heading_like(const Line& l) const {
    if (l.blank() || l.bullet) return false;
    if (words(l.text()).size() > 18) return false;
    if (l.heading) return true;
    // A line of running text: lower-case start, or a sentence ending inside it.
    if (!starts_upper(l.text()) && !is_digit(l.text()[0])) return false;
    const auto stop = l.text().find(". ");
    if (stop != npos && stop + 2 < l.text().size() && starts_upper(std::string_view(l.text()).substr(stop + 2))) return false;
    return !ends_sentence(l.text());
  }

  // ---- where agreements and plans are ----

  void find_segments() {
    std::size_t first_text = lines_.size();
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (!lines_[i].blank()) {
        first_text = i;
        break;
      }
    std::vector<std::pair<std::size_t, bool>> starts;  // line, is plan
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      // Cheap tests first: most lines of minutes open with no form word.
      const std::string_view low = l.low();
      std::string_view head = trim(low.substr(0, low.find('\t')));
      if (head.empty()) continue;
      if (agreement_heading(head) == AgreementHeading::none && !plan_heading(head)) continue;
      if (!heading_like(l)) continue;
      if (const auto tab = low.rfind('\t'); tab != npos && is_page_cell(trim(low.substr(tab + 1))))
        continue;  // a line of the contents
      // An agenda item about an agreement ("Överenskommelse om läkarmedverkan"
      // as the item's title) is not the agreement's text.
      const bool agreement = agreement_heading(head) != AgreementHeading::none;
      const bool plan = !agreement && plan_heading(head);
      if ((agreement || plan) && !is_item_title(l)) starts.emplace_back(i, plan);
    }
    // Lines of one title cluster ("SAMVERKANSAVTAL" over "Samverkansavtal om ...")
    // make one start.
    for (std::size_t k = 0; k < starts.size(); ++k) {
      Segment s;
      s.plan = starts[k].second;
      s.begin = starts[k].first;
      s.heads.push_back(s.begin);
      std::size_t last = s.begin;
      while (k + 1 < starts.size() && starts[k + 1].second == s.plan && nonblank_between(last, starts[k + 1].first) <= 2) {
        last = starts[++k].first;
        s.heads.push_back(last);
      }
      s.head_end = last + 1;
      // The title written just above "Överenskommelse mellan ..." belongs to it.
      if (!s.plan) {
        std::size_t p = s.begin;
        int seen = 0;
        while (p > 0 && seen < 3) {
          --p;
          if (lines_[p].blank() || lines_[p].rule) continue;
          ++seen;
          if (heading_like(lines_[p]) && words(lines_[p].text()).size() <= 14 && !lines_[p].bullet &&
              agreement_heading(lower(lines_[s.begin].text())) == AgreementHeading::between) {
            s.heads.insert(s.heads.begin(), p);
            s.begin = p;
          }
          break;
        }
      }
      segments_.push_back(s);
    }
    for (std::size_t k = 0; k < segments_.size(); ++k)
      segments_[k].end = k + 1 < segments_.size() ? segments_[k + 1].begin : lines_.size();
    // Only one agreement per document is read: the one with the most signs of
    // being an agreement (signatures, parties, money); a message about an
    // agreement ("Meddelande från styrelsen") is no agreement.
    std::vector<Segment> kept;
    int best = -1;
    std::size_t best_at = 0;
    for (std::size_t k = 0; k < segments_.size(); ++k) {
      if (segments_[k].plan) continue;
      const int sc = agreement_signs(segments_[k]);
      if (sc > best) {
        best = sc;
        best_at = k;
      }
    }
    for (std::size_t k = 0; k < segments_.size(); ++k) {
      if (!segments_[k].plan && (k != best_at || best < 2)) continue;
      kept.push_back(segments_[k]);
    }
    // An unread agreement heading inside a kept segment extends it.
    for (std::size_t k = 0; k < kept.size(); ++k)
      kept[k].end = k + 1 < kept.size() ? kept[k + 1].begin : lines_.size();
    segments_ = std::move(kept);
    if (!segments_.empty() && nonblank_between(first_text, segments_.front().begin) <= 1 &&
        segments_.front().begin >= first_text)
      out_.standalone = true;
    if (!segments_.empty() && segments_.front().begin < first_text) out_.standalone = true;
  }

  bool is_item_title(const Line& l) const {
    if (!minutes_) return false;
    const std::string f = fold(l.text());
    for (const auto& item : minutes_->items) {
      if (item.title.empty()) continue;
      const std::string t = fold(item.title);
      if (t == f || (f.size() > 12 && t.find(f) != std::string::npos) ||
          (item.provenance.first_line <= l.first && l.first <= item.provenance.first_line + 2 &&
           f.find(t) != std::string::npos))
        return true;
    }
    return false;
  }

  static bool is_page_cell(std::string_view c) {
    while (!c.empty() && (c.front() == '.' || c.front() == ' ')) c.remove_prefix(1);
    if (c.empty() || c.size() > 3) return false;
    for (char ch : c)
      if (!is_digit(ch)) return false;
    return true;
  }

  std::size_t nonblank_between(std::size_t a, std::size_t b) const {
    std::size_t n = 0;
    for (std::size_t i = a + 1; i < b && i < lines_.size(); ++i)
      if (!lines_[i].blank()) ++n;
    return n;
  }

  int agreement_signs(const Segment& s) const {
    int score = 0;
    bool money = false, sign = false, parties = false;
    for (std::size_t i = s.begin; i < s.end; ++i) {
      const auto& low = lines_[i].low();
      if (!sign && (starts_with_word(low, "för") || low.find("\tför ") != npos) && lines_[i].text().size() < 120) sign = true;
      if (!money && low.find("kronor") != npos) money = true;
      if (!parties && (low.find("parter") != npos || low.find("mellan") != npos)) parties = true;
    }
    score = int(money) + int(sign) * 2 + int(parties);
    return score;
  }

  // ---- sentences ----

  std::vector<Sentence> sentences(std::size_t begin, std::size_t end) const {
    std::vector<Sentence> out;
    std::size_t paragraph = 0;
    std::string text;
    std::size_t first = 0, last = 0;
    bool bullet = false;
    auto flush = [&] {
      if (text.empty()) return;
      split_sentences(text, first, last, paragraph, bullet, out);
      text.clear();
      ++paragraph;
    };
    for (std::size_t i = begin; i < end; ++i) {
      const Line& l = lines_[i];
      if (l.blank() || l.rule) {
        flush();
        continue;
      }
      // A short line that ends no sentence, over a capitalised one, is a
      // line of a list or a heading ("Parter" over "Region X (huvudman)").
      const bool after_short = !text.empty() && text.size() < 48 && !ends_sentence(text) && starts_upper(l.text()) &&
                               i > begin && lines_[i - 1].text().size() < 48;
      // An indented list, one entry a line ("   Region X, org.nr ..." over "   Y kommun").
      const bool indented_list = !text.empty() && l.indent >= 2 && i > begin && lines_[i - 1].indent == l.indent &&
                                 starts_upper(l.text()) && !ends_sentence(lines_[i - 1].text());
      const bool starts_new = after_short || indented_list || l.bullet || l.heading || block_line(l.low()) || label_line(l.low()) ||
                              (!text.empty() && ends_with_colon(text)) || l.text().find('\t') != npos ||
                              (!text.empty() && text.find('\t') != npos);
      if (starts_new) flush();
      if (text.empty()) {
        first = l.first;
        bullet = l.bullet;
      }
      if (!text.empty()) text += ' ';
      text += l.text();
      last = l.last;
      if (l.heading) flush();
    }
    flush();
    return out;
  }

  static bool ends_with_colon(const std::string& t) { return !t.empty() && t.back() == ':'; }
  static bool block_line(std::string_view low) {
    for (std::string_view w : agreement_block_words())
      if (starts_with_word(low, w)) {
        const auto rest = low.substr(w.size());
        return !rest.empty() && rest[0] == ' ' && rest.size() > 1 && (is_digit(rest[1]) || rest[1] == 'e' || rest[1] == 't');
      }
    return false;
  }
  static bool label_line(std::string_view low) {
    return starts_with_word(low, "nivå") || starts_with_word(low, "ansvar") || starts_with_word(low, "bidrar") ||
           starts_with_word(low, "indikator") || starts_with_word(low, "utgångsvärde") ||
           starts_with_word(low, "tillägg");
  }

  static void split_sentences(const std::string& text, std::size_t first, std::size_t last, std::size_t paragraph,
                              bool bullet, std::vector<Sentence>& out) {
    std::size_t start = 0;
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
      if (text[i] != '.' || text[i + 1] != ' ') continue;
      const unsigned char next = static_cast<unsigned char>(text[i + 2]);
      const bool upper = (next >= 'A' && next <= 'Z') || next == 0xC3;
      if (!upper) continue;
      // "bl.a. Region", "t.ex. SKR", "org.nr" are no ends, nor is a
      // section number ("2. Syfte").
      if (i >= 2 && text[i - 2] == '.') continue;
      {
        std::size_t k = i;
        while (k > start && is_digit(text[k - 1])) --k;
        if (k == start && i > start && i - start <= 3) continue;
      }
      if (i >= 1 && text[i - 1] >= 'a' && text[i - 1] <= 'z' && i >= 2 && text[i - 2] == ' ') continue;
      out.push_back(make(text.substr(start, i + 1 - start), first, last, paragraph, bullet));
      start = i + 2;
    }
    if (start < text.size()) out.push_back(make(text.substr(start), first, last, paragraph, bullet));
  }
  static Sentence make(std::string t, std::size_t first, std::size_t last, std::size_t paragraph, bool bullet) {
    Sentence s;
    s.low = lower(t);
    s.text = std::move(t);
    s.first = first;
    s.last = last;
    s.paragraph = paragraph;
    s.bullet = bullet;
    return s;
  }

  std::optional<int> context_year_ = std::nullopt;

  std::vector<FoundDate> dates_in(std::string_view text) const {
    return find_dates(text, context_year_ ? context_year_ : options_.default_year);
  }

  // "i december 2019", "i juni": the month's last day.
  std::optional<Date> month_in(std::string_view low, std::size_t from = 0, std::size_t* at = nullptr) const {
    for (std::size_t p = low.find("i ", from); p != npos; p = low.find("i ", p + 1)) {
      if (p > 0 && low[p - 1] != ' ' && low[p - 1] != ',') continue;
      const auto rest = low.substr(p + 2);
      const auto word_end = std::min(rest.size(), rest.find_first_of(" ,.;"));
      const auto m = month_number(rest.substr(0, word_end));
      if (!m) continue;
      const std::size_t q = p + 2 + word_end;
      int year = 0;
      if (q < low.size() && low[q] == ' ') {
        std::size_t r = q + 1;
        while (r < low.size() && is_digit(low[r])) ++r;
        if (r - q - 1 == 4) year = std::atoi(std::string(low.substr(q + 1, 4)).c_str());
      }
      if (!year && low.substr(q).find("varje år") == 1) return std::nullopt;
      if (!year && context_year_) year = *context_year_;
      if (!year) continue;
      if (at) *at = p;
      return last_day(year, m);
    }
    return std::nullopt;
  }

  // ---- agreements ----

  void read_agreement(const Segment& seg) {
    ParsedAgreement a;
    a.provenance = span(seg.begin, seg.end - 1);
    // Title.
    for (std::size_t h : seg.heads) {
      const auto c = cells(lines_[h].text());
      if (c.empty()) continue;
      const auto kind = agreement_heading(lower(c.front()));
      if (kind == AgreementHeading::form_word || kind == AgreementHeading::between) {
        if (c.size() > 1 && a.case_number.empty()) {
          const std::string lc = lower(c.back());
          if (lc.find("dnr") != npos || lc.find("diarienummer") != npos || lc.find('/') != npos)
            a.case_number = std::string(case_number_value(c.back()));
        }
        continue;
      }
      if (a.title.empty()) a.title = trimmed(c.front());
    }
    std::size_t body_from = seg.head_end;
    if (a.title.empty()) {
      // "BIDRAGSÖVERENSKOMMELSE" over its title line.
      for (std::size_t i = seg.head_end; i < seg.end; ++i) {
        if (lines_[i].blank()) continue;
        if (heading_like(lines_[i]) && !starts_with_word(lines_[i].low(), "mellan")) {
          a.title = trimmed(cells(lines_[i].text()).front());
          body_from = i + 1;
        }
        break;
      }
    }
    if (a.title.empty()) {
      for (std::size_t h : seg.heads) a.title = trimmed(lines_[h].text());
      warn(lines_[seg.begin].first, "an agreement without a title of its own; its heading is taken", a.title);
    }
    if (auto y = year_of_title(a.title)) context_year_ = y;

    // Where the signatures are, and where appendices begin.
    std::size_t sign_from = seg.end, sign_to = seg.end;
    find_signature_zone(seg, body_from, sign_from, sign_to);
    // After the signatures only appendices belong to the agreement: a
    // heading that is none ends it (a presentation appended after it).
    std::size_t end = seg.end;
    if (sign_to < seg.end)
      for (std::size_t i = sign_to; i < seg.end; ++i)
        if (lines_[i].heading && !starts_with_word(lines_[i].low(), "bilaga")) {
          end = i;
          break;
        }
    a.provenance = span(seg.begin, end - 1);

    auto all = sentences(body_from, end);
    std::map<std::size_t, Context> paragraph_context;
    Context heading_ctx, lead_ctx;
    std::size_t lead_paragraph = SIZE_MAX;
    std::vector<std::pair<std::string, std::string>> alias;  // folded alias -> party name

    // Parties named in the title cluster: "mellan staten och SKR".
    for (std::size_t h : seg.heads) read_between(lines_[h].text(), a, span(h, h));
    for (std::size_t i = seg.head_end; i < std::min(seg.end, seg.head_end + 4); ++i)
      if (starts_with_word(lines_[i].low(), "mellan")) read_between(lines_[i].text(), a, span(i, i));

    bool in_parties = false;
    std::size_t prev_paragraph = SIZE_MAX;
    for (auto& s : all) {
      if (s.first >= line_no(sign_from) && s.last <= line_no(sign_to == seg.end ? seg.end - 1 : sign_to)) continue;
      const bool new_paragraph = s.paragraph != prev_paragraph;
      prev_paragraph = s.paragraph;
      // Headings set the block and kind of what follows.
      if (is_section_heading(s)) {
        heading_ctx.block = block_in(s.low);
        heading_ctx.performance = s.low.find("prestation") != npos;
        in_parties = parties_heading(s.low);
        if (!heading_ctx.block.empty()) declare_block(a, s);
        continue;
      }
      if (new_paragraph && !s.bullet) lead_paragraph = SIZE_MAX;
      if (in_parties) {
        if (read_party_line(s, a, alias)) continue;
      }
      if (block_line(s.low)) read_block_line(s, a);
      Context ctx = heading_ctx;
      if (lead_paragraph != SIZE_MAX && s.bullet) ctx = lead_ctx;
      const std::string own_block = block_in(s.low);
      if (!own_block.empty()) ctx.block = own_block;
      if (s.low.find("prestation") != npos) ctx.performance = true;
      if (!s.text.empty() && s.text.back() == ':') {
        lead_ctx = ctx;
        lead_paragraph = s.paragraph;
      }
      // A document with thousands of facts is no agreement written by people;
      // reading stops there, so the work stays bounded.
      if (a.conditions.size() + a.obligations.size() + a.payments.size() + a.requisitions.size() +
              a.amendments.size() + a.blocks.size() + a.parties.size() >
          max_facts) {
        warn(s.first, "more than " + std::to_string(max_facts) + " facts in one agreement; the rest is not read");
        break;
      }
      read_roles(s, a, alias);
      read_validity(s, a);
      read_total(s, a);
      read_block_amount(s, a, ctx, all);
      read_condition(s, a, ctx);
      read_obligation(s, a);
      read_payment(s, a, ctx);
      read_requisition(s, a, alias);
      read_amendment(s, a);
    }
    read_signatures(sign_from, sign_to, a);
    finish_agreement(a, alias, seg);
    out_.agreements.push_back(std::move(a));
  }

  std::size_t line_no(std::size_t index) const { return index < lines_.size() ? lines_[index].first : SIZE_MAX; }

  static std::optional<int> year_of_title(std::string_view title) {
    for (std::size_t i = 0; i + 4 <= title.size(); ++i) {
      if ((i == 0 || !is_digit(title[i - 1])) && is_digit(title[i]) && is_digit(title[i + 1]) && is_digit(title[i + 2]) &&
          is_digit(title[i + 3]) && (i + 4 == title.size() || !is_digit(title[i + 4]))) {
        const int y = std::atoi(std::string(title.substr(i, 4)).c_str());
        if (y >= 1990 && y <= 2100) return y;
      }
    }
    return std::nullopt;
  }
  static std::vector<int> years_of(std::string_view text) {
    std::vector<int> out;
    for (std::size_t i = 0; i + 4 <= text.size(); ++i)
      if ((i == 0 || !is_digit(text[i - 1])) && is_digit(text[i]) && is_digit(text[i + 1]) && is_digit(text[i + 2]) &&
          is_digit(text[i + 3]) && (i + 4 == text.size() || !is_digit(text[i + 4]))) {
        const int y = std::atoi(std::string(text.substr(i, 4)).c_str());
        if (y >= 1990 && y <= 2100) out.push_back(y);
      }
    return out;
  }

  bool is_section_heading(const Sentence& s) const {
    if (s.bullet || ends_sentence(s.text)) return false;
    if (words(s.text).size() > 12) return false;
    if (s.text.find('\t') != npos) return false;
    const auto& low = s.low;
    // "3.1 Prestationskrav inom block 1", "§ 4 Villkor", "Block 1: Prestationskrav ..."
    if (is_digit(low[0]) || starts_with_word(low, "§")) return !has_amount(low);
    if (block_line(low) && !has_amount(low)) return true;
    if (parties_heading(low)) return true;
    const Line* l = line_at(s.first);
    return l && l->heading;
  }
  // Lines are in source order, so a binary search finds one by its source line.
  const Line* line_at(std::size_t source_line) const {
    const auto it = std::lower_bound(lines_.begin(), lines_.end(), source_line,
                                     [](const Line& l, std::size_t n) { return l.first < n; });
    return it != lines_.end() && it->first == source_line ? &*it : nullptr;
  }
  static bool has_amount(std::string_view low) {
    for (const auto& f : find_amounts(low))
      if (!f.irregular) return true;
    return false;
  }
  static bool parties_heading(std::string_view low) {
    std::string_view t = low;
    while (!t.empty() && (is_digit(t.front()) || t.front() == '.' || t.front() == ' ' || t.front() == '#' ||
                          t.front() == '\xC2' || t.front() == '\xA7'))
      t.remove_prefix(1);
    while (!t.empty() && (t.back() == '*' || t.back() == ' ' || t.back() == ':')) t.remove_suffix(1);
    return t == "parter" || t == "avtalsparter" || t == "parterna" || t == "parter i avtalet";
  }

  void declare_block(ParsedAgreement& a, const Sentence& s) {
    const std::string key = block_in(s.low);
    if (!block_line(s.low)) return;
    for (const auto& b : a.blocks)
      if (b.key == key) return;
    ParsedBlock b;
    b.key = key;
    const auto colon = s.text.find(':');
    b.title = colon == npos ? std::string() : trimmed(std::string_view(s.text).substr(colon + 1));
    b.provenance = span(s);
    a.blocks.push_back(std::move(b));
  }

  void read_block_line(const Sentence& s, ParsedAgreement& a) {
    const auto amounts = find_amounts(s.text);
    const std::string key = block_in(s.low);
    if (key.empty() || amounts.empty() || amounts.front().irregular) return;
    ParsedBlock* b = nullptr;
    for (auto& x : a.blocks)
      if (x.key == key) b = &x;
    if (!b) {
      a.blocks.push_back(ParsedBlock{key, {}, {}, {}, span(s)});
      b = &a.blocks.back();
    }
    if (b->amount.ore() == 0) b->amount = amounts.front().money;
    // Title between the key and the amount, purpose after it.
    std::size_t key_end = s.text.find(key) + key.size();
    std::string title = trimmed(std::string_view(s.text).substr(key_end, amounts.front().begin - key_end));
    if (b->title.empty()) b->title = title;
    b->purpose = trimmed(std::string_view(s.text).substr(std::min(s.text.size(), amounts.front().end)));
    if (b->purpose.rfind("kronor", 0) == 0 || b->purpose.rfind("kr", 0) == 0) b->purpose.clear();
  }

  void read_block_amount(const Sentence& s, ParsedAgreement& a, const Context& ctx, const std::vector<Sentence>& all) {
    if (block_line(s.low)) return;
    // The paragraph names one block, and its first amount is what the block
    // distributes or pays ("... 1 280 000 000 kronor ... som fördelas ...").
    std::string key = ctx.block;
    // The block keys each paragraph names, worked out once per agreement
    // (a paragraph's sentences are adjacent), so this stays linear.
    if (paragraph_keys_for_ != &all) {
      paragraph_keys_.clear();
      for (const auto& t : all) {
        const auto k = block_in(t.low);
        if (!k.empty()) paragraph_keys_[t.paragraph].insert(k);
      }
      paragraph_keys_for_ = &all;
    }
    static const std::set<std::string> none;
    const auto found = paragraph_keys_.find(s.paragraph);
    const std::set<std::string>& keys = found == paragraph_keys_.end() ? none : found->second;
    if (keys.size() == 1) key = *keys.begin();
    if (keys.size() > 1 || key.empty()) return;
    ParsedBlock* b = nullptr;
    for (auto& x : a.blocks)
      if (x.key == key) b = &x;
    if (b && b->amount.ore() != 0) return;
    const auto amounts = find_amounts(s.text);
    if (amounts.empty() || amounts.front().irregular || amounts.front().money.approximate()) return;
    if (s.low.find("fördelas") == npos && s.low.find("betalas ut") == npos && s.low.find("avsätts") == npos) return;
    // The block may be declared further on ("Block 2: ..." after the sums).
    if (b)
      b->amount = amounts.front().money;
    else
      block_amounts_.emplace_back(key, amounts.front().money);
  }

  void read_between(std::string_view text, ParsedAgreement& a, const Provenance& where) {
    const std::string low = lower(text);
    const auto at = find_word(low, "mellan");
    if (at == npos) return;
    std::string rest(text.substr(at + 6));
    // "... om En ny kömiljard": the parties end where the subject begins.
    const std::string rl = lower(rest);
    for (std::string_view stop : {" om ", " avseende ", " för ", " angående "}) {
      const auto p = rl.find(stop);
      if (p != npos) {
        rest.resize(p);
        break;
      }
    }
    for (auto& name : split_party_list(rest)) add_party(a, name, where, {});
  }

  ParsedParty* add_party(ParsedAgreement& a, std::string name, const Provenance& where, std::vector<std::string> aliases) {
    name = trimmed(name);
    if (name.empty()) return nullptr;
    const std::string low = lower(name);
    // "staten genom Socialdepartementet" is the ministry, called "staten".
    if (const auto g = find_word(low, "genom"); g != npos) {
      aliases.push_back(trimmed(std::string_view(name).substr(0, g)));
      name = trimmed(std::string_view(name).substr(g + 5));
    }
    for (auto& p : a.parties) {
      if (fold(p.name) == fold(name)) return &p;
      for (const auto& al : p.aliases)
        if (fold(al) == fold(name)) return &p;
      // "staten" met first, "staten genom Socialdepartementet" later: one
      // party, named by the more precise name.
      for (const auto& al : aliases)
        if (fold(al) == fold(p.name)) {
          p.aliases.push_back(p.name);
          p.name = name;
          return &p;
        }
    }
    // A collective ("kommunerna i Blekinge län") is replaced by the parties a
    // list names later, and kept otherwise.
    ParsedParty p;
    p.name = name;
    p.aliases = std::move(aliases);
    p.roles.push_back(PartyRole::party);
    p.provenance = where;
    a.parties.push_back(std::move(p));
    return &a.parties.back();
  }

  bool read_party_line(const Sentence& s, ParsedAgreement& a, std::vector<std::pair<std::string, std::string>>& alias) {
    if (!s.text.empty() && s.text.back() == ':') return true;
    // A sentence under the heading ("Kommunerna benämns nedan ...") names no party.
    if (ends_sentence(s.text) && s.low.find("nedan kallad") == npos) return false;
    std::string text = s.text;
    std::string low = s.low;
    std::vector<PartyRole> roles;
    // "Region Västmanland (huvudman och finansiär)"
    if (const auto open = text.find('('); open != npos) {
      const auto close = text.find(')', open);
      const std::string inside = low.substr(open + 1, close == npos ? npos : close - open - 1);
      for (const auto& w : words(inside))
        if (auto r = party_role_word(w)) roles.push_back(*r);
      if (!roles.empty()) {
        text = text.substr(0, open);
        low = low.substr(0, open);
      }
    }
    std::string called;
    if (const auto n = low.find("nedan kallad"); n != npos) {
      called = trimmed(std::string_view(text).substr(n + 12));
      text = text.substr(0, n);
    }
    std::string name = trimmed(std::string_view(text).substr(0, text.find(',')));
    if (name.empty() || !looks_like_organisation(name) || words(name).size() > 8) return false;
    // The list replaces a collective named in the title ("kommunerna i ...").
    auto* p = add_party(a, name, span(s), {});
    if (!p) return false;
    if (!called.empty()) {
      p->aliases.push_back(called);
      alias.emplace_back(fold(called), p->name);
    }
    for (auto r : roles)
      if (std::find(p->roles.begin(), p->roles.end(), r) == p->roles.end()) p->roles.push_back(r);
    listed_parties_ = true;
    return true;
  }

  // Names as the text refers to parties: "Regionen", "Kommunerna", "SKR".
  std::vector<ParsedParty*> parties_named(ParsedAgreement& a, std::string_view name,
                                          const std::vector<std::pair<std::string, std::string>>& alias) {
    std::vector<ParsedParty*> out;
    const std::string f = fold(trimmed(name));
    if (f.empty()) return out;
    for (const auto& [al, party] : alias)
      if (al == f)
        for (auto& p : a.parties)
          if (p.name == party) out.push_back(&p);
    if (!out.empty()) return out;
    for (auto& p : a.parties) {
      bool hit = fold(p.name) == f;
      for (const auto& al : p.aliases) hit = hit || fold(al) == f;
      for (const auto& ac : acronyms(p.name)) hit = hit || ac == f;
      if (hit) out.push_back(&p);
    }
    if (!out.empty()) return out;
    // "Kommunerna" for every municipality, "Regionen" for the one region.
    const OrganisationKind kind = f == "kommunerna" || f == "kommunen" ? OrganisationKind::municipality
                                  : f == "regionen" || f == "regionerna" || f == "landstinget" ? OrganisationKind::region
                                                                                                : OrganisationKind::other;
    if (kind != OrganisationKind::other)
      for (auto& p : a.parties)
        if (guess_kind(p.name) == kind) out.push_back(&p);
    return out;
  }

  static void add_role(ParsedParty& p, PartyRole r) {
    if (std::find(p.roles.begin(), p.roles.end(), r) == p.roles.end()) p.roles.push_back(r);
  }

  void read_roles(const Sentence& s, ParsedAgreement& a, const std::vector<std::pair<std::string, std::string>>& alias) {
    // "Kommunerna benämns nedan gemensamt Kommunerna."
    // "Regionen är samordnande part", "Regionen betalar ut ...".
    const auto subject_end = [&](std::string_view verb) -> std::size_t {
      const auto p = s.low.find(verb);
      return p == npos ? npos : p;
    };
    struct Rule {
      std::string_view phrase;
      PartyRole role;
    };
    static constexpr Rule rules[] = {
        {" är samordnande", PartyRole::coordinator}, {" är samordnare", PartyRole::coordinator},
        {" betalar ut", PartyRole::payer},          {" lämnar ett bidrag", PartyRole::funder},
        {" finansierar", PartyRole::funder},        {" är huvudman", PartyRole::principal},
    };
    for (const auto& r : rules) {
      const auto p = subject_end(r.phrase);
      if (p == npos) continue;
      const auto subject = std::string_view(s.text).substr(0, p);
      const auto ws = words(subject);
      if (ws.empty() || ws.size() > 6) continue;
      for (auto* party : parties_named(a, subject, alias)) add_role(*party, r.role);
    }
  }

  void read_validity(const Sentence& s, ParsedAgreement& a) {
    if (a.start) return;
    const bool says = s.low.find("gäller") != npos || s.low.find("giltig") != npos || s.low.find("avser") != npos ||
                      s.low.find("avtalstid") != npos || s.low.find("löper") != npos;
    if (!says || (s.low.find("förläng") != npos && s.low.find("förlängs därefter") == npos)) return;
    const auto d = dates_in(s.text);
    if (d.size() < 2 || d[0].year_inferred || d[1].year_inferred || !(d[0].date <= d[1].date)) return;
    a.start = d[0].date;
    a.end = d[1].date;
  }

  void read_total(const Sentence& s, ParsedAgreement& a) {
    const auto& low = s.low;
    const bool says = low.find("omfattar") != npos || low.find("sammanlagt") != npos || low.find("totalt") != npos ||
                      low.find("total ram") != npos;
    if (!says) return;
    const auto amounts = find_amounts(s.text);
    if (amounts.empty()) return;
    for (const auto& f : amounts)
      if (f.irregular) warn(s.first, "an amount whose digit groups do not make a number", s.text.substr(f.begin, f.end - f.begin));
    const auto& first = amounts.front();
    if (first.irregular) return;
    if (low.find("per år") != npos && low.find("per år") < first.begin) return;
    if (!a.total) {
      a.total = first.money;
    } else if (a.total->ore() != first.money.ore() && low.find("totalt för") != npos) {
      warn(s.first, "a second total that differs from " + a.total->str(), s.text);
    }
    // "varav 1 600 000 000 kronor fördelas till landstingen och 10 000 000 kronor till SKL"
    const auto varav = low.find("varav");
    if (varav == npos || !a.shares.empty()) return;
    for (std::size_t k = 1; k < amounts.size(); ++k) {
      if (amounts[k].begin < varav || amounts[k].irregular) continue;
      const std::size_t next = k + 1 < amounts.size() ? amounts[k + 1].begin : s.text.size();
      const auto tail = std::string_view(s.low).substr(amounts[k].end, next - amounts[k].end);
      const auto till = tail.find("till ");
      if (till == npos) continue;
      std::string to = trimmed(std::string_view(s.text).substr(amounts[k].end + till + 5, next - amounts[k].end - till - 5));
      for (std::string_view stop : {" och", " samt", ","})
        if (to.size() > stop.size() && to.substr(to.size() - stop.size()) == stop) to.resize(to.size() - stop.size());
      a.shares.push_back(ParsedShare{trimmed(to), amounts[k].money, span(s)});
    }
  }

  // ---- conditions ----

  struct FoundThreshold {
    Threshold t;
    std::size_t begin = 0, end = 0;
  };
  std::vector<FoundThreshold> thresholds_in(std::string_view low) const {
    std::vector<FoundThreshold> out;
    for (const auto& [phrase, cmp] : comparator_phrases()) {
      for (auto p = find_word(low, phrase); p != npos; p = find_word(low, phrase, p + 1)) {
        std::size_t q = p + phrase.size();
        while (q < low.size() && low[q] == ' ') ++q;
        std::size_t r = q;
        while (r < low.size() && (is_digit(low[r]) || ((low[r] == ',' || low[r] == '.') && r + 1 < low.size() &&
                                                      is_digit(low[r + 1]) && r > q)))
          ++r;
        double value = 0;
        if (r > q) {
          std::string num(low.substr(q, r - q));
          std::replace(num.begin(), num.end(), ',', '.');
          value = std::atof(num.c_str());
        } else {
          const auto w = low.substr(q, low.find_first_of(" ,.;", q) - q);
          const int n = small_number_word(w);
          if (n <= 0) continue;
          value = n;
          r = q + w.size();
        }
        std::size_t u = r;
        while (u < low.size() && low[u] == ' ') ++u;
        std::size_t ue = low.find_first_of(" ,.;)", u);
        if (ue == npos) ue = low.size();
        std::string unit(low.substr(u, ue - u));
        if (unit == "procent" || unit == "%") unit = "%";
        else if (u == r && u < low.size() && low[u] == '%') unit = "%";
        if (unit.rfind("kr", 0) == 0 || unit == "miljoner" || unit == "tkr" || unit == "mnkr") continue;  // money
        if (unit.empty()) continue;
        bool inside = false;  // "inte överstiga" holds "överstiga"
        for (const auto& o : out) inside = inside || (p >= o.begin && p < o.end);
        if (inside) continue;
        FoundThreshold f;
        f.t.comparator = cmp;
        f.t.value = value;
        f.t.unit = unit;
        f.begin = p;
        f.end = ue;
        out.push_back(f);
      }
    }
    std::sort(out.begin(), out.end(), [](const FoundThreshold& x, const FoundThreshold& y) { return x.begin < y.begin; });
    return out;
  }

  void read_condition(const Sentence& s, ParsedAgreement& a, const Context& ctx) {
    if (s.low.find("rekvir") != npos) return;
    // "Om inget landsting ...": what happens otherwise, no requirement.
    if (starts_with_word(s.low, "om inget") || starts_with_word(s.low, "om ingen")) return;
    const auto found = thresholds_in(s.low);
    std::size_t clause = 0;
    for (const auto& f : found) {
      read_condition(s, a, ctx, &f, clause);
      clause = f.end;
    }
  }

  void read_condition(const Sentence& s, ParsedAgreement& a, const Context& ctx, const FoundThreshold* f_,
                      std::size_t clause) {
    const FoundThreshold* f = f_;
    ParsedCondition c;
    c.kind = ctx.performance ? ConditionKind::performance_requirement : ConditionKind::condition;
    c.text = trimmed(s.text);
    c.threshold = f->t;
    c.block = ctx.block;
    c.indicator = measured(s, *f, clause);
    if (is_bare_measure(c.indicator) || c.indicator.empty()) {
      // "har förbättrat andelen med mer än 5 procentenheter": the measure
      // named just before.
      for (auto it = a.conditions.rbegin(); it != a.conditions.rend(); ++it)
        if (!it->indicator.empty() && !is_bare_measure(it->indicator)) {
          c.indicator = it->indicator;
          break;
        }
    }
    c.provenance = span(s);
    a.conditions.push_back(std::move(c));
  }

  static bool is_bare_measure(std::string_view ind) {
    const std::string l = lower(trimmed(ind));
    return l == "andel" || l == "andelen" || l == "antal" || l == "antalet" || l == "nivån";
  }

  // What a threshold measures: the measure noun before the comparator
  // ("andelen ... uppgår till minst"), or what follows "av" after it
  // ("minst 90 procent av de patienter ...").
  std::string measured(const Sentence& s, const FoundThreshold& f, std::size_t clause) const {
    const std::string_view low = s.low;
    const std::string_view before = low.substr(0, f.begin);
    std::size_t from = npos;
    for (std::string_view noun : measure_nouns()) {
      for (auto p = before.rfind(noun); p != npos && p >= clause; p = p == 0 ? npos : before.rfind(noun, p - 1)) {
        const std::size_t e = p + noun.size();
        const bool whole = (p == 0 || before[p - 1] == ' ') && (e >= before.size() || before[e] == ' ' || before[e] == ',');
        if (!whole) continue;
        if (from == npos || p > from) from = p;
        break;
      }
    }
    if (from != npos) {
      std::string_view m = std::string_view(s.text).substr(from, f.begin - from);
      // Drop the verb phrase before the comparator.
      const std::string ml = lower(m);
      std::size_t cut = m.size();
      for (std::string_view v : {" ska ", " uppgår", " får ", " är ", " om", " på", " med", " vara"}) {
        const auto p = ml.find(v);
        if (p != npos && p < cut && p > 0) cut = p;
      }
      return trimmed(m.substr(0, cut));
    }
    std::size_t after = f.end;
    while (after < low.size() && low[after] == ' ') ++after;
    if (low.substr(after, 3) == "av ") {
      std::string_view rest = std::string_view(s.text).substr(after + 3);
      const auto stop = rest.find_first_of(",;");
      rest = rest.substr(0, stop);
      return "andel " + trimmed(rest);
    }
    // The subject of the sentence ("Svarsfrekvensen för rapportering ... ska uppgå till").
    if (clause == 0) {
      const auto ska = before.find(" ska ");
      if (ska != npos && words(before.substr(0, ska)).size() <= 14) return trimmed(std::string_view(s.text).substr(0, ska));
    }
    return {};
  }

  // ---- obligations, payments, requisitions ----

  void read_obligation(const Sentence& s, ParsedAgreement& a) {
    const auto& low = s.low;
    if (low.find("senast") == npos && low.find("tillhanda") == npos) return;
    if (low.find("rekvir") != npos || low.find("rekvisition") != npos || low.find("återbetal") != npos) return;
    bool reports = false;
    for (std::string_view v : reporting_verbs()) reports = reports || low.find(v) != npos;
    if (!reports) return;
    std::vector<std::string> to;
    if (const auto t = low.find(" tillhanda"); t != npos) {
      // "Redovisningarna ska vara SKL och Socialstyrelsen tillhanda senast ..."
      std::string_view head = std::string_view(s.text).substr(0, t);
      const auto vara = lower(head).rfind(" vara ");
      if (vara != npos) to = split_party_list(head.substr(vara + 6));
    } else {
      for (auto p = low.find(" till "); p != npos; p = low.find(" till ", p + 1)) {
        std::string_view rest = std::string_view(s.text).substr(p + 6);
        if (rest.empty() || !starts_upper(rest)) continue;
        std::string name = recipient_name(rest);
        if (!name.empty()) {
          to.push_back(name);
          break;
        }
      }
    }
    std::string by;
    {
      const auto ska = low.find(" ska ");
      const auto ws = words(std::string_view(s.text).substr(0, ska == npos ? 0 : ska));
      if (ska != npos && !ws.empty() && ws.size() <= 5) by = trimmed(std::string_view(s.text).substr(0, ska));
    }
    std::size_t made = 0;
    for (auto p = low.find("senast"); p != npos; p = low.find("senast", p + 1)) {
      const auto d = find_dates(std::string_view(s.text).substr(p, 40), std::nullopt);
      if (d.empty() || d.front().begin > 12) continue;
      for (const auto& t : to.empty() ? std::vector<std::string>{std::string()} : to) {
        bool dup = false;
        for (auto& o : a.obligations)
          if (o.deadline == d.front().date && (fold(o.to) == fold(t) || t.empty())) dup = true;
        if (dup) continue;
        // An obligation without a recipient gives way to one with.
        for (auto it = a.obligations.begin(); it != a.obligations.end();)
          if (it->deadline == d.front().date && it->to.empty() && !t.empty())
            it = a.obligations.erase(it);
          else
            ++it;
        a.obligations.push_back(ParsedObligation{trimmed(s.text), by, t, d.front().date, span(s)});
        ++made;
      }
    }
    (void)made;
  }

  static std::string recipient_name(std::string_view rest) {
    // "Regeringskansliet (Socialdepartementet) senast": the department.
    std::string out;
    const auto ws = words(rest);
    for (std::size_t k = 0; k < ws.size() && k < 6; ++k) {
      std::string_view w = ws[k];
      const std::string lw = lower(w);
      if (lw == "senast" || lw == "för" || lw == "om" || lw == "den" || lw == "med" || lw == "i" || lw == "och") break;
      const bool stop = !w.empty() && (w.back() == ',' || w.back() == '.');
      if (!out.empty()) out += ' ';
      out += std::string(w);
      if (stop) break;
    }
    out = trimmed(out);
    if (const auto open = out.find('('); open != npos) {
      const auto close = out.find(')', open);
      const std::string inner = out.substr(open + 1, close == npos ? npos : close - open - 1);
      if (looks_like_organisation(inner) || starts_upper(inner)) return trimmed(inner);
      out = trimmed(out.substr(0, open));
    }
    return out;
  }

  void read_payment(const Sentence& s, ParsedAgreement& a, const Context& ctx) {
    const auto& low = s.low;
    const bool pays = low.find("betalas ut") != npos || low.find("utbetalas") != npos || low.find("betalar ut") != npos;
    if (!pays || low.find("varje år") != npos) return;
    const auto amounts = find_amounts(s.text);
    std::string block = block_in(low);
    if (block.empty()) block = ctx.block;
    bool any = false;
    for (std::size_t k = 0; k < amounts.size(); ++k) {
      if (amounts[k].irregular) continue;
      const std::size_t next = k + 1 < amounts.size() ? amounts[k + 1].begin : low.size();
      std::size_t at = 0;
      auto when = month_in(low.substr(0, next), amounts[k].end, &at);
      std::optional<Date> date = when;
      bool month_only = bool(when);
      if (!date) {
        const auto d = dates_in(std::string_view(s.text).substr(amounts[k].end, next - amounts[k].end));
        if (!d.empty()) date = d.front().date, month_only = false;
      }
      ParsedPayment p;
      p.amount = amounts[k].money;
      p.date = date;
      p.month_only = month_only;
      p.block = block;
      p.text = trimmed(s.text);
      p.provenance = span(s);
      a.payments.push_back(std::move(p));
      any = true;
    }
    if (any) return;
    // "Medlen för Del 2 betalas ut i september 2021": the block's money.
    if (!block.empty()) {
      ParsedPayment p;
      p.block = block;
      p.date = month_in(low);
      p.month_only = bool(p.date);
      if (!p.date) {
        const auto d = dates_in(s.text);
        if (!d.empty()) p.date = d.front().date;
      }
      p.text = trimmed(s.text);
      p.provenance = span(s);
      pending_block_payments_.push_back(a.payments.size());
      a.payments.push_back(std::move(p));
      return;
    }
    // "Medel till SKL utbetalas engångsvis efter rekvisition": that share's money.
    if (const auto m = low.find("medel till "); m != npos) {
      ParsedPayment p;
      p.text = trimmed(s.text);
      p.provenance = span(s);
      p.block = "share:" + recipient_name(std::string_view(s.text).substr(m + 11));
      pending_block_payments_.push_back(a.payments.size());
      a.payments.push_back(std::move(p));
    }
  }

  void read_requisition(const Sentence& s, ParsedAgreement& a,
                        const std::vector<std::pair<std::string, std::string>>& alias) {
    const auto& low = s.low;
    if (low.find("rekvir") == npos && low.find("rekvisition") == npos) return;
    const auto p = low.find("senast");
    if (p == npos) return;
    const auto d = find_dates(std::string_view(s.text).substr(p, 40), std::nullopt);
    if (d.empty()) return;
    ParsedRequisition r;
    r.text = trimmed(s.text);
    r.deadline = d.front().date;
    r.provenance = span(s);
    const auto verb = low.find(" rekvirerar");
    if (verb != npos && words(std::string_view(s.text).substr(0, verb)).size() <= 5) {
      r.from = trimmed(std::string_view(s.text).substr(0, verb));
      for (auto* party : parties_named(a, r.from, alias)) add_role(*party, PartyRole::recipient);
    }
    a.requisitions.push_back(std::move(r));
  }

  void read_amendment(const Sentence& s, ParsedAgreement& a) {
    const auto& low = s.low;
    const bool changes = low.find("ändrades") != npos || low.find("ändras") != npos || low.find("förlängdes") != npos ||
                         low.find("utökades") != npos || starts_with_word(low, "tillägg");
    if (!changes || low.find("beslut") == npos) return;
    const auto d = dates_in(s.text);
    if (d.empty()) return;
    ParsedAmendment m;
    m.kind = low.find("förläng") != npos ? AmendmentKind::extension : AmendmentKind::amendment;
    m.text = trimmed(s.text);
    m.reference = decision_reference(s.text, s.low);
    // The decision's date is the one in the reference.
    for (const auto& x : d)
      if (m.reference.find(s.text.substr(x.begin, x.end - x.begin)) != npos) m.date = x.date;
    if (!m.date) m.date = d.front().date;
    if (m.kind == AmendmentKind::extension)
      for (const auto& x : d)
        if (x.date != *m.date) m.new_end = x.date;
    m.provenance = span(s);
    a.amendments.push_back(std::move(m));
  }

  // "genom beslut i Hjälpmedelsrådet 2022-09-22 § 14" -> "Hjälpmedelsrådet 2022-09-22 § 14".
  static std::string decision_reference(std::string_view text, std::string_view low) {
    std::size_t from = npos;
    for (std::string_view lead : {"beslut i ", "beslut av ", "beslutat av ", "beslut ", "enligt "}) {
      const auto p = low.find(lead);
      if (p != npos) {
        from = p + lead.size();
        break;
      }
    }
    if (from == npos) return {};
    const auto par = low.find("\xC2\xA7", from);
    std::size_t end;
    if (par != npos && par - from < 80) {
      end = par + 2;
      while (end < low.size() && low[end] == ' ') ++end;
      while (end < low.size() && (is_digit(low[end]) || (low[end] >= 'a' && low[end] <= 'z' && end > par + 2 &&
                                                         is_digit(low[end - 1]))))
        ++end;
    } else {
      const auto d = find_dates(text.substr(from), std::nullopt);
      if (d.empty() || d.front().begin > 80) return {};
      end = from + d.front().end;
    }
    return trimmed(text.substr(from, end - from));
  }

  // ---- signatures ----

  void find_signature_zone(const Segment& seg, std::size_t from, std::size_t& zone_from, std::size_t& zone_to) {
    // Appendices end the agreement body; a heading after the signatures that
    // is no appendix ends the agreement.
    std::size_t appendix = seg.end;
    for (std::size_t i = from; i < seg.end; ++i)
      if (starts_with_word(lines_[i].low(), "bilaga") && !lines_[i].bullet) {
        appendix = i;
        break;
      }
    // The zone is the run of short lines before the appendices; found from
    // the end, so that a long agreement is read in one pass.
    std::size_t short_from = appendix;
    while (short_from > from) {
      const Line& l = lines_[short_from - 1];
      bool is_short = true;
      if (!l.blank())
        for (const auto& c : cells(l.text()))
          if (words(c).size() > 8 || (ends_sentence(c) && c.back() != ',')) is_short = false;
      if (!is_short) break;
      --short_from;
    }
    for (std::size_t i = short_from; i < appendix; ++i)
      if (signature_start(lines_[i])) {
        zone_from = i;
        zone_to = appendix;
        return;
      }
    zone_from = zone_to = seg.end;
  }

  bool signature_start(const Line& l) const {
    if (l.blank()) return false;
    for (const auto& c : cells(l.text())) {
      const std::string lc = lower(c);
      if (starts_with_word(lc, "för") && words(c).size() <= 8) return true;
      if (is_place_date(c)) return true;
    }
    return false;
  }

  bool is_place_date(std::string_view cell) const {
    const auto ws = words(cell);
    if (ws.size() < 2 || ws.size() > 6 || !starts_upper(ws[0])) return false;
    const auto d = find_dates(cell, std::nullopt);
    return !d.empty() && d.front().begin > 0;
  }

  void read_signatures(std::size_t from, std::size_t to, ParsedAgreement& a) {
    struct Slot {
      std::string org, place, name, title;
      std::optional<Date> date;
      std::size_t line = 0;
    };
    // Bands: places, parties and names are listed left to right, one band
    // after another ("Karlskrona 2020-12-14 | Karlskrona 2020-12-15" over
    // "För Region Blekinge | För Karlskrona kommun" over the names).
    std::vector<Slot> done;
    std::vector<std::pair<std::string, std::optional<Date>>> places;
    std::vector<std::string> orgs;
    std::vector<std::pair<std::string, std::size_t>> names;  // name, line
    std::vector<std::string> titles;
    constexpr std::size_t none = SIZE_MAX;
    std::size_t org_open = none;  // a party line ending "genom"/"och" continues below
    std::size_t last_line = from;
    auto close_band = [&] {
      for (std::size_t k = 0; k < names.size(); ++k) {
        Slot s;
        s.name = names[k].first;
        s.line = names[k].second;
        if (k < titles.size()) s.title = titles[k];
        if (!orgs.empty()) s.org = orgs[std::min(k, orgs.size() - 1)];
        if (orgs.size() > 1 && k >= orgs.size()) s.org.clear();
        if (!places.empty()) {
          const auto& pl = places[std::min(k, places.size() - 1)];
          if (places.size() == 1 || k < places.size()) s.place = pl.first, s.date = pl.second;
        }
        done.push_back(std::move(s));
      }
      places.clear();
      orgs.clear();
      names.clear();
      titles.clear();
    };
    std::vector<std::size_t> name_columns;
    for (std::size_t i = from; i < to && i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (l.blank()) continue;
      const auto cs = cells(l.text());
      bool had_names = false;
      std::vector<std::string> line_titles;
      for (const auto& c : cs) {
        const std::string lc = lower(c);
        if (is_place_date(c)) {
          if (!names.empty()) close_band();
          const auto d = find_dates(c, std::nullopt);
          places.emplace_back(trimmed(std::string_view(c).substr(0, d.front().begin)), d.front().date);
          auto& p = places.back().first;
          if (p.size() > 4 && lower(p).substr(p.size() - 4) == " den") p.resize(p.size() - 4);
          org_open = none;
        } else if (starts_with_word(lc, "för")) {
          if (!names.empty()) close_band();
          orgs.push_back(trimmed(std::string_view(c).substr(4)));
          if (lc.size() > 6 && (lc.substr(lc.size() - 5) == "genom" || lc.substr(lc.size() - 3) == "och"))
            org_open = orgs.size() - 1;
        } else if (org_open < orgs.size()) {
          orgs[org_open] += " " + c;
          org_open = none;
          // "För staten genom" over "Socialdepartementet" in a two-column
          // block: only the first open party continues.
        } else if (looks_like_person(c) && !looks_like_organisation(c)) {
          names.emplace_back(trimmed(c), l.first);
          had_names = true;
        } else if (names.empty() && (looks_like_organisation(c) || known_party(a, c))) {
          orgs.push_back(trimmed(c));
        } else if (!names.empty()) {
          line_titles.push_back(trimmed(c));
        }
      }
      if (!had_names && !line_titles.empty()) {
        // Titles under the names, column by column.
        for (auto& t : line_titles)
          if (titles.size() < names.size()) titles.push_back(t);
      }
      last_line = i;
    }
    (void)last_line;
    close_band();
    for (auto& s : done) {
      ParsedSignatory sig;
      sig.name = s.name;
      sig.title = s.title;
      sig.organisation = s.org;
      if (const auto g = find_word(lower(sig.organisation), "genom"); g != npos)
        sig.organisation = trimmed(std::string_view(sig.organisation).substr(g + 5));
      sig.place = s.place;
      sig.date = s.date;
      sig.provenance = Provenance{out_.document, s.line, s.line};
      // A party signed for that the text named nowhere else is a party.
      if (!s.org.empty()) add_party(a, s.org, sig.provenance, {});
      a.signatories.push_back(std::move(sig));
    }
  }

  static bool known_party(const ParsedAgreement& a, std::string_view name) {
    for (const auto& p : a.parties)
      if (fold(p.name) == fold(name)) return true;
    return false;
  }

  void finish_agreement(ParsedAgreement& a, const std::vector<std::pair<std::string, std::string>>& alias,
                        const Segment& seg) {
    // A listed party set replaces a collective from the title ("kommunerna i Blekinge län").
    if (listed_parties_) {
      a.parties.erase(std::remove_if(a.parties.begin(), a.parties.end(),
                                     [](const ParsedParty& p) { return starts_lower(p.name); }),
                      a.parties.end());
    }
    // The state is the funder of a state agreement with money.
    for (auto& p : a.parties) {
      const std::string f = fold(p.name);
      bool state = f == "staten" || f == "regeringen" || f.find("departementet") != npos;
      for (const auto& al : p.aliases) state = state || fold(al) == "staten";
      if (state && a.total) add_role(p, PartyRole::funder);
    }
    // Shares to a party make it a recipient.
    for (const auto& s : a.shares)
      for (auto* p : parties_named(a, s.to, alias)) add_role(*p, PartyRole::recipient);
    for (const auto& [key, money] : block_amounts_)
      for (auto& b : a.blocks)
        if (b.key == key && b.amount.ore() == 0) b.amount = money;
    block_amounts_.clear();
    // Payments of a block's or a share's money.
    for (std::size_t k : pending_block_payments_) {
      auto& p = a.payments[k];
      if (p.block.rfind("share:", 0) == 0) {
        const std::string to = p.block.substr(6);
        p.block.clear();
        for (const auto& s : a.shares)
          if (fold(s.to) == fold(to)) p.amount = s.amount;
      } else {
        for (const auto& b : a.blocks)
          if (b.key == p.block) p.amount = b.amount;
      }
    }
    pending_block_payments_.clear();
    a.payments.erase(std::remove_if(a.payments.begin(), a.payments.end(),
                                    [](const ParsedPayment& p) { return p.amount.ore() == 0 || !p.date; }),
                     a.payments.end());
    // A payment whose amount is a block's belongs to it.
    for (auto& p : a.payments)
      if (p.block.empty())
        for (const auto& b : a.blocks)
          if (b.amount.ore() == p.amount.ore()) p.block = b.key;
    // Validity from the title's years when the text gives none ("kömiljard 2019").
    if (!a.start) {
      const auto ys = years_of(a.title);
      if (!ys.empty()) {
        a.start = make_date(ys.front(), 1, 1);
        a.end = make_date(ys.back(), 12, 31);
      } else {
        warn(lines_[seg.begin].first, "agreement without a validity period", a.title);
      }
    }
    if (a.parties.empty()) warn(lines_[seg.begin].first, "agreement without parties", a.title);
    if (a.signatories.empty()) warn(lines_[seg.begin].first, "agreement without signatures", a.title);
    if (!a.total) warn(lines_[seg.begin].first, "agreement without a total amount", a.title);
    for (const auto& b : a.blocks)
      if (b.amount.ore() == 0) warn(b.provenance.first_line, "block " + b.key + " without an amount", b.title);
    // Protocol items: the one an agreement is appended to handles it, and
    // decisions to extend or change "överenskommelsen" amend it.
    if (minutes_) {
      std::optional<std::size_t> holder;
      for (std::size_t k = 0; k < minutes_->items.size(); ++k)
        if (minutes_->items[k].provenance.first_line < a.provenance.first_line) holder = k;
      if (holder) a.handled_in_items.push_back(*holder);
      for (std::size_t k = 0; k < minutes_->items.size(); ++k) read_item_amendment(k, a);
    }
  }

  void read_item_amendment(std::size_t k, ParsedAgreement& a) {
    const auto& item = minutes_->items[k];
    if (item.provenance.first_line >= a.provenance.first_line) return;
    std::string all;
    for (const auto& d : item.decisions) all += (d.text.empty() ? d.proposal : d.text) + "\n";
    const std::string low = lower(all);
    const bool about = low.find("överenskommelse") != npos || low.find("avtal") != npos;
    if (!about) return;
    const bool extends = low.find("förläng") != npos;
    const bool changes = extends || low.find("ändra") != npos || low.find("utöka") != npos;
    if (!changes) return;
    ParsedAmendment m;
    m.kind = extends ? AmendmentKind::extension : AmendmentKind::amendment;
    m.date = minutes_->date;
    m.text = trimmed(all);
    m.item = k;
    if (extends) {
      const auto p = low.find("förläng");
      const auto d = find_dates(std::string_view(all).substr(p), std::nullopt);
      if (!d.empty()) m.new_end = d.front().date;
    }
    if (const auto r = low.find("ram"); r != npos) {
      const auto am = find_amounts(std::string_view(all).substr(r));
      if (!am.empty() && !am.front().irregular) m.new_total = am.front().money;
    }
    std::string ref = minutes_->body;
    if (minutes_->date) ref += (ref.empty() ? "" : " ") + format_date(*minutes_->date);
    std::string num = item.number;
    if (!num.empty() && is_digit(num[0])) num = "\xC2\xA7 " + num;
    if (num.size() > 2 && num.rfind("\xC2\xA7", 0) == 0 && num[2] != ' ') num.insert(2, " ");
    if (!num.empty()) ref += (ref.empty() ? "" : " ") + num;
    if (!item.case_number.empty()) ref += ", " + item.case_number;
    m.reference = ref;
    m.provenance = item.provenance;
    a.amendments.push_back(std::move(m));
    if (std::find(a.handled_in_items.begin(), a.handled_in_items.end(), k) == a.handled_in_items.end())
      a.handled_in_items.push_back(k);
  }

  static std::string format_date(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()), unsigned(d.day()));
    return buf;
  }

  // ---- plans ----

  void read_plan(const Segment& seg) {
    ParsedPlan plan;
    plan.provenance = span(seg.begin, seg.end - 1);
    for (std::size_t h : seg.heads) {
      const auto c = cells(lines_[h].text());
      if (c.empty()) continue;
      const std::string t = trimmed(c.front());
      if (words(t).size() > words(plan.title).size()) plan.title = t;
      if (!plan.level) plan.level = level_in(lower(t));
    }
    context_year_ = year_of_title(plan.title);
    std::string goal_heading;  // the goal whose heading the lines are under
    std::string last_goal;
    bool in_activities = false, in_budget = false, in_indicators = false;
    std::optional<int> budget_year;
    std::vector<std::string> table_head;
    enum class Table { none, activities, funding, extensions } table = Table::none;
    // Indices, not pointers: the vectors grow while a line is open.
    constexpr std::size_t closed = SIZE_MAX;
    std::size_t open_activity = closed;
    std::size_t open_indicator = closed;

    for (std::size_t i = seg.head_end; i < seg.end; ++i) {
      const Line& l = lines_[i];
      if (plan.goals.size() + plan.activities.size() + plan.funding.size() + plan.indicators.size() +
              plan.extensions.size() > max_facts) {
        warn(l.first, "more than " + std::to_string(max_facts) + " facts in one plan; the rest is not read");
        break;
      }
      if (l.blank()) {
        if (open_indicator != closed && plan.indicators[open_indicator].target) open_indicator = closed;
        table = l.blank() ? table : table;
        continue;
      }
      const std::string_view low = l.low();
      const auto cs = cells(l.text());
      const Provenance where = span(i, i);

      // Tables: the heading row says what the columns hold.
      if (cs.size() >= 2) {
        const auto kind = plan_table_kind(cs);
        if (kind != 0) {
          table_head.clear();
          for (const auto& c : cs) table_head.push_back(lower(c));
          table = kind == 1 ? Table::activities : kind == 2 ? Table::funding : Table::extensions;
          continue;
        }
        if (table == Table::activities && read_activity_row(cs, table_head, plan, where)) continue;
        if (table == Table::funding && read_funding_row(cs, table_head, plan, where)) continue;
        if (table == Table::extensions && read_extension_text(l.text(), plan, where)) continue;
      } else {
        table = Table::none;
      }

      // Goals: "Mål 1 ...", "Delmål 1.2 ...", "Insatsområde 2 ...".
      auto g = in_indicators ? std::nullopt : goal_line(l.text());
      if (g) {
        if (g->parent.empty() && g->number.find('.') != npos) g->parent = g->number.substr(0, g->number.rfind('.'));
        if (g->parent.empty() && g->sub && !last_goal.empty()) g->parent = top_goal(last_goal, plan);
        g->provenance = where;
        if (l.heading || !g->sub) goal_heading = l.heading ? g->number : goal_heading;
        if (!g->sub) last_goal = g->number;
        if (l.heading) goal_heading = g->number;
        plan.goals.push_back(std::move(*g));
        in_activities = in_budget = in_indicators = false;
        open_activity = closed;
        continue;
      }
      // Section headings without a goal: Aktiviteter, Budget, Indikatorer.
      if (section_word(l)) {
        in_activities = low.find("aktivitet") != npos || low.find("insatser") != npos;
        in_budget = low.find("budget") != npos || low.find("finansiering") != npos || low.find("ekonomi") != npos;
        in_indicators = low.find("indikator") != npos;
        goal_heading.clear();
        open_activity = closed;
        if (!plan.start) read_period(l.text(), plan);
        continue;
      }
      // Labels before the goals: owners, level, period.
      if (plan.goals.empty() && plan.activities.empty()) {
        if (auto v = label_value(l.text(), plan_owner_labels())) {
          for (auto& o : split_party_list(*v)) plan.owners.push_back(o);
          continue;
        }
        if (auto v = label_value(l.text(), {"nivå"})) {
          if (auto lv = level_in(lower(*v))) plan.level = lv;
          continue;
        }
      }
      if (low.find("förläng") != npos) {
        if (read_extension_text(joined_sentence(i, seg.end), plan, span(i, i))) continue;
      }
      if (!plan.start && plan.goals.empty()) {
        if (read_period(l.text(), plan)) continue;
      }
      // Indicators with their baseline and target.
      if (starts_with_word(low, "indikator") || (in_indicators && (goal_line_ref(l.text()) || !plan.indicators.empty()) &&
                                                 !starts_with_word(low, "utgångsvärde") && !starts_with_word(low, "målvärde"))) {
        ParsedPlanIndicator ind;
        std::string text(l.text());
        if (auto v = label_value(text, {"indikator", "indikatorer"})) text = *v;
        if (auto ref = goal_line_ref(text)) {
          ind.goal = ref->first;
          text = ref->second;
        } else {
          ind.goal = !goal_heading.empty() ? goal_heading : last_goal_number(plan);
        }
        ind.name = trimmed(text);
        ind.provenance = where;
        plan.indicators.push_back(std::move(ind));
        open_indicator = plan.indicators.size() - 1;
        read_values(l.text(), plan.indicators[open_indicator]);
        continue;
      }
      if (open_indicator != closed && (starts_with_word(low, "utgångsvärde") || starts_with_word(low, "utgångsläge") ||
                             starts_with_word(low, "målvärde") || starts_with_word(low, "målnivå"))) {
        read_values(l.text(), plan.indicators[open_indicator]);
        continue;
      }
      // Activities.
      if (auto act = activity_line(l, in_activities)) {
        act->provenance = where;
        if (act->goals.empty() && !goal_heading.empty() && !in_activities) act->goals.push_back(goal_heading);
        plan.activities.push_back(std::move(*act));
        open_activity = plan.activities.size() - 1;
        continue;
      }
      if (open_activity != closed && !l.bullet) {
        read_activity_details(l.text(), plan.activities[open_activity]);
        continue;
      }
      // Budget lines: "- Samordnartjänst, 650 000 kronor".
      if (in_budget || low.find("avsätts") != npos) {
        const auto ys = years_of(l.text());
        const auto am = find_amounts(l.text());
        if (am.empty() && !ys.empty()) budget_year = ys.front();
        if (!am.empty() && !am.front().irregular && l.bullet) {
          ParsedFunding f;
          f.amount = am.front().money;
          f.year = budget_year;
          f.text = trimmed(std::string_view(l.text()).substr(0, am.front().begin));
          f.budget = budget_kind(low);
          f.provenance = where;
          plan.funding.push_back(std::move(f));
        }
      }
    }
    if (!plan.start) {
      const auto ys = years_of(plan.title);
      if (!ys.empty()) {
        plan.start = make_date(ys.front(), 1, 1);
        plan.end = make_date(ys.back(), 12, 31);
      } else {
        warn(lines_[seg.begin].first, "plan without a period", plan.title);
      }
    }
    if (plan.owners.empty()) warn(lines_[seg.begin].first, "plan without owners", plan.title);
    for (const auto& a : plan.activities)
      if (a.goals.empty())
        warn(a.provenance.first_line, "activity " + a.number + " is linked to no goal", a.title);
    for (const auto& f : plan.funding)
      if (f.activity.empty() && f.goal.empty())
        warn(f.provenance.first_line, "funding line is linked to no activity or goal", f.text);
    out_.plans.push_back(std::move(plan));
  }

  std::string joined_sentence(std::size_t i, std::size_t end) const {
    std::string t(lines_[i].text());
    for (std::size_t j = i + 1; j < end && !ends_sentence(t) && !lines_[j].blank() && j < i + 4; ++j) t += " " + std::string(lines_[j].text());
    return t;
  }

  static std::string top_goal(const std::string& n, const ParsedPlan&) { return n.substr(0, n.find('.')); }
  static std::string last_goal_number(const ParsedPlan& p) { return p.goals.empty() ? std::string() : p.goals.back().number; }

  bool section_word(const Line& l) const {
    if (l.bullet || cells(l.text()).size() > 1) return false;
    const auto ws = words(l.text());
    if (ws.empty() || ws.size() > 4 || ends_sentence(l.text()) || is_digit(l.text()[0])) return false;
    const std::string low(l.low());
    for (std::string_view w : plan_section_words())
      if (low.find(w) != npos) return true;
    return false;
  }

  bool read_period(std::string_view text, ParsedPlan& plan) {
    const std::string low = lower(text);
    if (low.find("förläng") != npos) return false;
    const auto d = dates_in(text);
    if (d.size() < 2 || d[0].year_inferred || !(d[0].date <= d[1].date)) return false;
    if (low.find("gäller") == npos && low.find("avser") == npos && low.find("period") == npos &&
        low.find("giltig") == npos && low.find("löper") == npos)
      return false;
    plan.start = d[0].date;
    plan.end = d[1].date;
    return true;
  }

  bool read_extension_text(std::string_view text, ParsedPlan& plan, const Provenance& where) {
    const std::string low = lower(text);
    const auto f = low.find("förläng");
    if (f == npos) return false;
    const auto d = dates_in(text);
    if (d.empty()) return false;
    ParsedPlanExtension e;
    // The new end follows "förläng..."; the decision's date sits in its reference.
    std::optional<Date> new_end;
    for (const auto& x : d)
      if (x.begin > f && !new_end) new_end = x.date;
    if (!new_end) return false;
    e.new_end = *new_end;
    const auto cs = cells(text);
    if (cs.size() > 1) {
      for (const auto& c : cs)
        if (c.find("\xC2\xA7") != npos) e.reference = trimmed(c);
    } else {
      e.reference = decision_reference(text, low);
    }
    for (const auto& x : d)
      if (x.date != e.new_end) e.decided_on = x.date;
    e.provenance = where;
    for (const auto& old : plan.extensions)
      if (old.new_end == e.new_end) return true;
    plan.extensions.push_back(std::move(e));
    return true;
  }

  static std::optional<ResponsibleLevel> level_in(std::string_view low) {
    if (low.find("delregional") != npos) return ResponsibleLevel::sub_regional;
    if (low.find("länsgemensam") != npos || low.find("länsövergripande") != npos || low.find("regional") != npos)
      return ResponsibleLevel::county_wide;
    if (low.find("lokal") != npos || low.find("kommunal") != npos) return ResponsibleLevel::local;
    return std::nullopt;
  }
  static BudgetKind budget_kind(std::string_view low) {
    return low.find("preliminär") != npos || low.find("beräknad") != npos || low.find("indikativ") != npos ||
                   low.find("planerad") != npos
               ? BudgetKind::indicative
               : BudgetKind::committed;
  }

  // "Mål 1 Titel", "Delmål 1.2: Titel", "Insatsområde 2 – Titel".
  struct GoalRead : ParsedGoal {
    bool sub = false;
  };
  static std::optional<GoalRead> goal_line(std::string_view text) {
    const std::string low = lower(text);
    for (auto [word, sub] : goal_words()) {
      if (!starts_with_word(low, word)) continue;
      std::size_t p = word.size();
      while (p < low.size() && low[p] == ' ') ++p;
      std::size_t q = p;
      while (q < low.size() && (is_digit(low[q]) || (low[q] == '.' && q + 1 < low.size() && is_digit(low[q + 1])))) ++q;
      if (q == p) return std::nullopt;
      GoalRead g;
      g.number = std::string(low.substr(p, q - p));
      g.title = trimmed(text.substr(q));
      while (g.title.rfind("\xE2\x80\x93", 0) == 0) g.title = trimmed(std::string_view(g.title).substr(3));
      if (g.title.empty() || (ends_sentence(text) && words(text).size() > 14)) return std::nullopt;
      g.sub = sub;
      return g;
    }
    return std::nullopt;
  }
  // "Delmål 1.2: Andel ..." -> ("1.2", "Andel ...").
  static std::optional<std::pair<std::string, std::string>> goal_line_ref(std::string_view text) {
    auto g = goal_line(text);
    if (!g) return std::nullopt;
    return std::make_pair(g->number, g->title);
  }

  static void read_values(std::string_view text, ParsedPlanIndicator& ind) {
    const std::string low = lower(text);
    auto value_after = [&](std::string_view label, std::optional<double>& v, std::optional<int>& year) {
      const auto p = low.find(label);
      if (p == npos) return;
      std::size_t q = p + label.size();
      std::size_t colon = low.find(':', q);
      if (colon == npos || colon > q + 12) return;
      const auto ys = years_of(low.substr(q, colon - q));
      if (!ys.empty()) year = ys.front();
      std::size_t r = colon + 1;
      while (r < low.size() && low[r] == ' ') ++r;
      std::size_t e = r;
      while (e < low.size() && (is_digit(low[e]) || low[e] == ',' || (low[e] == ' ' && e + 1 < low.size() &&
                                                                      is_digit(low[e + 1]) && e + 4 <= low.size())))
        ++e;
      std::string num(low.substr(r, e - r));
      num.erase(std::remove(num.begin(), num.end(), ' '), num.end());
      if (!num.empty() && num.back() == ',') num.pop_back();
      std::replace(num.begin(), num.end(), ',', '.');
      if (num.empty()) return;
      v = std::atof(num.c_str());
      std::size_t u = e;
      while (u < low.size() && low[u] == ' ') ++u;
      if (u < low.size() && low[u] == '%') ind.unit = "%";
    };
    value_after("utgångsvärde", ind.baseline, ind.baseline_year);
    value_after("utgångsläge", ind.baseline, ind.baseline_year);
    value_after("målvärde", ind.target, ind.target_year);
    value_after("målnivå", ind.target, ind.target_year);
  }

  std::optional<ParsedActivity> activity_line(const Line& l, bool in_activities) const {
    std::string text(l.text());
    std::string low(l.low());
    bool named = false;
    for (std::string_view w : {"aktivitet", "insats"}) {
      if (starts_with_word(low, w)) {
        const auto rest = std::string_view(low).substr(w.size());
        if (rest.size() > 1 && rest[0] == ' ' && (is_digit(rest[1]) || (rest[1] >= 'a' && rest[1] <= 'z' && rest.size() > 2 && is_digit(rest[2])))) {
          text = text.substr(w.size() + 1);
          low = low.substr(w.size() + 1);
          named = true;
        }
      }
    }
    if (!named && !in_activities) return std::nullopt;
    std::size_t q = 0;
    while (q < low.size() && (is_digit(low[q]) || low[q] == '.' || (q == 0 && low[q] >= 'a' && low[q] <= 'z' && q + 1 < low.size() && is_digit(low[q + 1]))))
      ++q;
    if (q == 0 || (q < low.size() && low[q] != ' ')) return std::nullopt;
    ParsedActivity a;
    a.number = text.substr(0, q);
    while (!a.number.empty() && a.number.back() == '.') a.number.pop_back();
    std::string title = trimmed(std::string_view(text).substr(q));
    // "(lokal, Örebro kommun)"
    if (const auto open = title.rfind('('); open != npos && title.back() == ')') {
      const std::string inside = title.substr(open + 1, title.size() - open - 2);
      const std::string il = lower(inside);
      const auto comma = inside.find(',');
      const auto lv = level_in(il.substr(0, comma));
      if (lv) {
        a.level = lv;
        if (comma != npos)
          for (auto& r : split_party_list(inside.substr(comma + 1))) a.responsible.push_back(r);
        title = trimmed(std::string_view(title).substr(0, open));
      }
    }
    a.title = title;
    if (a.title.empty()) return std::nullopt;
    return a;
  }

  static void read_activity_details(std::string_view text, ParsedActivity& a) {
    const std::string low = lower(text);
    std::size_t start = 0;
    std::string t(text);
    // "Nivå: delregional. Ansvar: X." and "Bidrar till delmål 1.1 och 1.2."
    while (start < t.size()) {
      std::size_t end = t.find(". ", start);
      if (end == npos) end = t.size();
      const std::string part = trimmed(std::string_view(t).substr(start, end - start));
      const std::string pl = lower(part);
      if (auto v = label_value(part, {"nivå"})) {
        if (auto lv = level_in(lower(*v))) a.level = lv;
      } else if (auto v2 = label_value(part, {"ansvar", "ansvarig", "ansvariga"})) {
        for (auto& r : split_party_list(*v2)) a.responsible.push_back(r);
      } else if (starts_with_word(pl, "bidrar till") || starts_with_word(pl, "kopplas till") || starts_with_word(pl, "mål")) {
        for (auto& n : numbers_in(pl)) a.goals.push_back(n);
      }
      start = end + 2;
    }
    (void)low;
  }

  static std::vector<std::string> numbers_in(std::string_view low) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < low.size();) {
      if (is_digit(low[i]) && (i == 0 || low[i - 1] == ' ' || low[i - 1] == ',')) {
        std::size_t j = i;
        while (j < low.size() && (is_digit(low[j]) || (low[j] == '.' && j + 1 < low.size() && is_digit(low[j + 1])))) ++j;
        out.emplace_back(low.substr(i, j - i));
        i = j;
      } else {
        ++i;
      }
    }
    return out;
  }

  // 1 activity table, 2 funding table, 3 extension table, 0 no heading row.
  static int plan_table_kind(const std::vector<std::string>& cs) {
    bool activity = false, amount = false, level = false, owner = false, change = false, decision = false, goal = false;
    for (const auto& c : cs) {
      const std::string l = lower(c);
      if (l.find("aktivitet") != npos || l == "insats") activity = true;
      if (l == "belopp" || l.find("belopp") == 0 || l == "kronor" || l == "budget") amount = true;
      if (l == "nivå" || l == "ansvarsnivå") level = true;
      if (l == "ansvar" || l == "ansvarig" || l == "ansvariga") owner = true;
      if (l == "ändring" || l == "förlängning") change = true;
      if (l == "beslut" || l == "beslutad av") decision = true;
      if (l == "mål" || l == "delmål" || l == "område" || l == "insatsområde") goal = true;
    }
    if (amount) return 2;
    if (activity && (level || owner || goal)) return 1;
    if (change && decision) return 3;
    return 0;
  }

  bool read_activity_row(const std::vector<std::string>& cs, const std::vector<std::string>& head, ParsedPlan& plan,
                         const Provenance& where) {
    ParsedActivity a;
    // Cells of a Markdown row may be empty; cells() drops them, so read by
    // position against the source row when the counts differ.
    std::vector<std::string> row = cs;
    if (row.size() < head.size()) row.resize(head.size());
    for (std::size_t k = 0; k < head.size() && k < row.size(); ++k) {
      const auto& h = head[k];
      const std::string& v = row[k];
      if (h == "nr" || h == "nummer" || h == "id") a.number = v;
      else if (h.find("aktivitet") != npos || h == "insats") a.title = v;
      else if (h == "nivå" || h == "ansvarsnivå") a.level = level_in(lower(v));
      else if (h == "ansvar" || h == "ansvarig" || h == "ansvariga") {
        for (auto& r : split_party_list(v)) a.responsible.push_back(r);
      } else if (h == "mål" || h == "delmål" || h.find("mål") != npos) {
        for (auto& n : numbers_in(lower(v))) a.goals.push_back(n);
      }
    }
    if (a.title.empty()) return false;
    a.provenance = where;
    plan.activities.push_back(std::move(a));
    return true;
  }

  bool read_funding_row(const std::vector<std::string>& cs, const std::vector<std::string>& head, ParsedPlan& plan,
                        const Provenance& where) {
    ParsedFunding f;
    bool amount = false;
    for (std::size_t k = 0; k < head.size() && k < cs.size(); ++k) {
      const auto& h = head[k];
      const std::string& v = cs[k];
      const std::string lv = lower(v);
      if (h.find("belopp") == 0 || h == "kronor" || h == "budget") {
        const auto am = find_amounts(v.find("kr") == npos ? v + " kr" : v);
        if (!am.empty() && !am.front().irregular) f.amount = am.front().money, amount = true;
      } else if (h == "år") {
        const auto ys = years_of(v);
        if (!ys.empty()) f.year = ys.front();
      } else if (h.find("aktivitet") != npos) {
        const auto ns = numbers_in(lv);
        f.activity = ns.empty() ? v : ns.front();
      } else if (h == "mål" || h == "delmål" || h == "område" || h == "insatsområde") {
        const auto ns = numbers_in(lv);
        if (!ns.empty()) f.goal = ns.front();
      } else if (h.find("status") != npos || h == "typ") {
        f.budget = budget_kind(lv);
      } else {
        f.text += (f.text.empty() ? "" : "; ") + v;
      }
    }
    if (!amount) return false;
    f.provenance = where;
    plan.funding.push_back(std::move(f));
    return true;
  }

  static std::optional<std::string> label_value(std::string_view text, std::initializer_list<std::string_view> labels) {
    const std::string low = lower(text);
    for (std::string_view l : labels)
      if (starts_with_word(low, l)) {
        std::size_t p = l.size();
        while (p < low.size() && low[p] == ' ') ++p;
        if (p < low.size() && low[p] == ':') return trimmed(text.substr(p + 1));
      }
    return std::nullopt;
  }
  static std::optional<std::string> label_value(std::string_view text, const std::vector<std::string_view>& labels) {
    const std::string low = lower(text);
    for (std::string_view l : labels)
      if (starts_with_word(low, l)) {
        std::size_t p = l.size();
        while (p < low.size() && low[p] == ' ') ++p;
        if (p < low.size() && low[p] == ':') return trimmed(text.substr(p + 1));
      }
    return std::nullopt;
  }

  const ParseOptions& options_;
  const ParsedMinutes* minutes_;
  Lines lines_;
  std::vector<Segment> segments_;
  std::vector<std::size_t> pending_block_payments_;
  std::vector<std::pair<std::string, Money>> block_amounts_;
  std::map<std::size_t, std::set<std::string>> paragraph_keys_;
  const std::vector<Sentence>* paragraph_keys_for_ = nullptr;
  bool listed_parties_ = false;
  ParsedDocuments out_;
};

}  // namespace

ParsedDocuments parse_documents(std::string_view text, std::string document, const ParseOptions& options,
                                const ParsedMinutes* minutes) {
  return Reader(split_text(text).lines, std::move(document), options, minutes).run();
}

namespace detail {
ParsedDocuments parse_documents_lines(Lines lines, std::string document, const ParseOptions& options,
                                      const ParsedMinutes* minutes) {
  return Reader(std::move(lines), std::move(document), options, minutes).run();
}
}  // namespace detail

}  // namespace import
SAMVERKAN_END_NAMESPACE
