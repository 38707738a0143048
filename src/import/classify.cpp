// The classify stage: see classify.hpp.
#include "classify.hpp"

#include "scan.hpp"
#include "vocabulary.hpp"

#include <samverkan/core/text.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

namespace {

constexpr std::size_t npos = std::string::npos;
using L = LabelKind;

bool ends_sentence(std::string_view text) {
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

struct LabelDef {
  std::string_view text;  // lower case
  L kind;
  bool value_without_colon;  // "Justerat 2019-10-09"
};

// Longer phrases first: the first match wins.
constexpr LabelDef label_defs[] = {
    {"datum, tid och plats", L::date_time, false},
    {"datum och tid", L::date_time, false},
    {"datum/tid", L::date_time, false},
    {"tid och plats", L::date_time, false},
    {"plats och tid", L::date_time, false},
    {"sammanträdesdatum", L::date, true},
    {"mötesdatum", L::date, true},
    {"datum", L::date, true},
    {"tidpunkt", L::time, false},
    {"klockslag", L::time, false},
    {"tid", L::time, true},
    {"mötesform", L::form, false},
    {"form för mötet", L::form, false},
    {"plats/form", L::place_form, false},
    {"mötesplats", L::place, false},
    {"plats", L::place, true},
    {"lokal", L::place, false},
    {"var", L::place, false},
    {"när", L::date_time, false},
    {"möte", L::date_time, false},
    {"närvarande ledamöter", L::present, false},
    {"beslutande ledamöter", L::present, false},
    {"tjänstgörande ledamöter", L::present, false},
    {"beslutande", L::present, false},
    {"justeringens plats och tid", L::adjusted, true},
    {"justeringens tid och plats", L::adjusted, true},
    {"paragrafer", L::ignored, false},
    {"jäv", L::ignored, false},
    {"underskrifter", L::signatures, false},
    {"underskrift", L::signatures, false},
    {"ej tjänstgörande ersättare", L::substitutes, false},
    {"icke tjänstgörande ersättare", L::substitutes, false},
    {"närvarande ersättare", L::substitutes, false},
    {"tjänstgörande ersättare", L::substitutes, false},
    {"övriga närvarande", L::present, false},
    {"övriga deltagare", L::present, false},
    {"övriga deltagande", L::present, false},
    {"övriga", L::present, false},  // only with ':' or a column after it: "Övriga frågor" is an item
    {"närvarande tjänstepersoner", L::present, false},
    {"närvarolista", L::present, false},
    {"närvaro", L::present, false},
    {"närvaroförteckning", L::present, false},
    {"deltagarförteckning", L::present, false},
    {"deltagarlista", L::present, false},
    {"närvarande", L::present, false},
    {"mötesdeltagare", L::present, false},
    {"deltagare", L::present, false},
    {"deltagande", L::present, false},
    {"deltog ej", L::absent, false},
    {"deltog", L::present, false},
    {"ledamöter", L::present, false},
    {"tjänstepersoner", L::present, false},
    {"tjänstemän", L::present, false},
    {"kallade ledamöter", L::invited, false},
    {"kallade", L::invited, false},
    {"inbjudna gäster", L::guests, false},
    {"inbjudna", L::invited, false},
    {"frånvarande ledamöter", L::absent, false},
    {"frånvarande", L::absent, false},
    {"ej närvarande", L::absent, false},
    {"ej deltagande", L::absent, false},
    // Missing without having sent word: "Saknas: Ronny Ask (Mönsterås kommun)".
    {"saknas", L::absent, false},
    {"frånvaro", L::absent, false},
    {"anmäld frånvaro", L::excused, false},
    {"anmält förhinder", L::excused, false},
    {"förhinder", L::excused, false},
    {"förhindrade", L::excused, false},
    {"ersättare", L::substitutes, false},
    {"adjungerade", L::coopted, false},
    {"adjungerad", L::coopted, false},
    {"gäster", L::guests, false},
    {"gäst", L::guests, false},
    {"åhörare", L::guests, false},
    {"vice ordförande", L::vice_chair, false},
    {"mötesordförande", L::chair, false},
    {"ordförande", L::chair, false},
    {"ordf", L::chair, false},
    {"mötessekreterare", L::secretary, false},
    {"sekreterare vid anteckningarna", L::writer, false},
    {"sekreterare", L::secretary, false},
    {"vid anteckningarna", L::writer, true},
    {"vid protokollet", L::writer, true},
    {"antecknat av", L::writer, true},
    {"antecknare", L::writer, false},
    {"protokollförare", L::writer, false},
    {"minnesanteckningar förda av", L::writer, true},
    {"anteckningar förda av", L::writer, true},
    {"utses att justera", L::adjusters, false},
    {"utsedd att justera", L::adjusters, false},
    {"utsedda att justera", L::adjusters, false},
    {"att justera", L::adjusters, false},
    {"justerare", L::adjusters, false},
    {"justerande", L::adjusters, false},
    {"justeras av", L::adjusters, true},
    {"justeras", L::adjusters, false},
    {"justerat", L::adjusted, true},
    {"justerad", L::adjusted, true},
    {"justeringsdatum", L::adjusted, true},
    {"justering", L::adjusted, true},
    {"utdragsbestyrkande", L::certifier, false},
    {"föredragande", L::presenter, true},
    {"föredragare", L::presenter, true},
    {"föredras av", L::presenter, true},
    {"presenteras av", L::presenter, true},
    {"presentatör", L::presenter, false},
    {"syfte", L::purpose, false},
    {"ärendetyp", L::purpose, false},
    {"förslag till ställningstagande", L::proposal, false},
    {"förslag till beslut", L::proposal, false},
    {"beslutsförslag", L::proposal, false},
    {"ställningstagande", L::position, false},
    {"mötet beslutade", L::decision, false},
    {"mötet beslutar", L::decision, false},
    {"beslutade", L::decision, false},
    {"beslut", L::decision, false},
    {"beslutsunderlag", L::attachments, false},
    {"bilagor", L::attachments, false},
    {"bilaga", L::attachments, false},
    {"handlingar", L::attachments, false},
    {"underlag", L::attachments, false},
    {"expedieras till", L::sent_to, false},
    {"expedieras", L::sent_to, false},
    {"beslutet skickas till", L::sent_to, false},
    {"beslutet expedieras till", L::sent_to, false},
    {"styrelsens/nämndens beslut delges", L::sent_to, false},
    {"delges", L::sent_to, false},
    {"diarienummer", L::case_number, true},
    {"diarienr", L::case_number, true},
    {"dnr", L::case_number, true},
    {"ärendenummer", L::case_number, true},
    {"eskaleringsfrågor", L::escalations, true},
    {"eskaleringsfråga", L::escalations, true},
    {"eskaleras", L::escalations, false},
    {"nästa möte", L::next_meeting, true},
    {"nästa sammanträde", L::next_meeting, true},
    {"nästa träff", L::next_meeting, true},
    {"dagordning", L::agenda, false},
    {"föredragningslista", L::agenda, false},
    {"agenda", L::agenda, false},
    {"ärenden", L::agenda, false},
    {"ärendet", L::section, false},
    {"ärendebeskrivning", L::section, false},
    {"bakgrund", L::section, false},
    {"sammanfattning", L::section, false},
    {"beskrivning", L::section, false},
    {"uppdrag", L::assignment, false},
    {"ansvariga", L::responsible, false},
    {"ansvar", L::responsible, false},
    {"ansvarig", L::responsible, false},
    {"åtgärd", L::assignment, false},
    {"åtgärder", L::assignment, false},
};

bool is_people_list(L kind) {
  switch (kind) {
    case L::present:
    case L::invited:
    case L::absent:
    case L::excused:
    case L::substitutes:
    case L::coopted:
    case L::guests:
    case L::adjusters:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool heads_an_item(const Label& label) {
  // "Nästa möte" standing alone over a sentence about it is the record's
  // last item, as the agenda lists it.
  return label.kind == L::next_meeting && label.value.empty();
}

Label qualified_list_label(const Line& l) {
  // "Övriga deltagande<tab>Kristina Molin, socialchef": a label column.
  std::size_t colon = l.text().find(':');
  if (const std::size_t tab = l.text().find('\t'); tab < colon && tab < 40) colon = tab;
  const std::size_t paren = l.text().find(" (");
  const std::size_t cut = std::min(colon, paren);
  if (cut == npos || cut > 50) return {};
  const std::size_t space = l.text().find(' ');
  if (space == npos || space > cut) return {};
  const ProbeLine probe(l.text().substr(0, space));
  Label label = read_label(probe.line);
  switch (label.kind) {
    case L::present:
    case L::invited:
    case L::absent:
    case L::excused:
    case L::substitutes:
    case L::coopted:
    case L::guests:
      break;
    default:
      return {};
  }
  // "Inbjudna men ej närvarande:": the qualifier says the status.
  const std::string_view qualifier = std::string_view(l.low()).substr(space, cut - space);
  if (qualifier.find("ej närvarande") != npos || qualifier.find("inte närvarande") != npos ||
      qualifier.find("frånvarande") != npos)
    label.kind = L::absent;
  else if (qualifier.find("förhinder") != npos)
    label.kind = L::excused;
  if (cut == paren) {
    if (l.text().back() != ')' && l.text().back() != ':') return {};
    return label;
  }
  label.colon = true;
  label.raw = std::string(trim(std::string_view(l.text()).substr(colon + 1)));
  label.value = std::string(strip_punct(label.raw));
  return label;
}


Label read_label(const Line& line) {
  if (line.blank() || line.low().size() > 8000) return {};
  // "Nämndens beslut", "Samverkansnämndens beslut:", "Arbetsutskottets
  // förslag till beslut": a body's name in the genitive before the label.
  {
    std::string_view low = line.low();
    if (low.ends_with(':')) low.remove_suffix(1);
    const std::size_t space = low.find(' ');
    if (space != std::string_view::npos && space > 2 && low[space - 1] == 's' && low.size() <= 60 &&
        std::count(low.begin(), low.end(), ' ') <= 3) {
      const std::string_view rest = low.substr(space + 1);
      if (rest == "beslut") return Label{L::decision};
      if (rest == "förslag till beslut" || rest == "förslag") return Label{L::proposal};
    }
  }
  // Asked of nearly every line, often more than once: only the labels that
  // begin with the line's first byte are tried, in their order in the table.
  constexpr std::size_t count = std::size(label_defs);
  static_assert(count < 65536);
  struct ByByte {
    std::array<std::uint16_t, count> order{};
    std::array<std::uint16_t, 257> begin{};
  };
  static const ByByte by = [] {
    ByByte b;
    std::array<std::uint16_t, 256> n{};
    for (const auto& def : label_defs) ++n[static_cast<unsigned char>(def.text[0])];
    for (std::size_t c = 0; c < 256; ++c) b.begin[c + 1] = static_cast<std::uint16_t>(b.begin[c] + n[c]);
    std::array<std::uint16_t, 256> at{};
    for (std::size_t c = 0; c < 256; ++c) at[c] = b.begin[c];
    for (std::size_t k = 0; k < count; ++k)
      b.order[at[static_cast<unsigned char>(label_defs[k].text[0])]++] = static_cast<std::uint16_t>(k);
    return b;
  }();
  const auto first = static_cast<unsigned char>(line.low()[0]);
  for (std::size_t slot = by.begin[first]; slot < by.begin[first + 1]; ++slot) {
    const LabelDef& def = label_defs[by.order[slot]];
    if (!starts_with_word(line.low(), def.text)) continue;
    std::size_t i = def.text.size();
    // "Datum/Date:", "Deltagare/Participants", "Beslut/ställningstagande:":
    // a bilingual or double label gives its second word after a slash; the
    // value follows it.
    // "Närvarande / Present": the slash may stand between spaces.
    std::size_t slash = i;
    if (slash + 1 < line.low().size() && line.low()[slash] == ' ' && line.low()[slash + 1] == '/') ++slash;
    if (slash < line.low().size() && line.low()[slash] == '/') {
      i = slash;
      std::size_t j = i + 1;
      while (j < line.low().size() && line.low()[j] == ' ') ++j;
      const std::size_t word = j;
      while (j < line.low().size() && j < i + 32 &&
             ((line.low()[j] >= 'a' && line.low()[j] <= 'z') || static_cast<unsigned char>(line.low()[j]) >= 0x80 ||
              line.low()[j] == ' ' || line.low()[j] == '-'))
        ++j;
      if (j > word + 1 && (j == line.low().size() || line.low()[j] == ':' || line.low()[j] == '\t'))
        i = j;
      else
        i = def.text.size();
    }
    // "Datum:" "Datum :" "Datum" "Datum\t2024-10-28" "**Justerat** 2019-10-09"
    while (i < line.low().size() && (line.low()[i] == ' ')) ++i;
    Label out;
    out.kind = def.kind;
    if (i >= line.low().size()) return out;
    if (line.low()[i] == ':' || line.low()[i] == '\t') {
      out.colon = line.low()[i] == ':';
      out.raw = std::string(trim(std::string_view(line.text()).substr(i + 1)));
      out.value = std::string(strip_punct(std::string_view(line.text()).substr(i + 1)));
      if (out.value.empty()) out.value = std::string(trim(std::string_view(line.text()).substr(i + 1)));
      return out;
    }
    if (def.value_without_colon) {
      out.value = std::string(trim(std::string_view(line.text()).substr(i)));
      return out;
    }
    // "Övriga deltagande Kristina Molin, socialchef": on a protocol's front
    // page a label longer than its column is followed by one space only.
    // Taken for lists of people when a name follows and no sentence does.
    if (is_people_list(def.kind) && i > def.text.size()) {
      const std::string_view value = trim(std::string_view(line.text()).substr(i));
      const std::size_t stop = value.find_first_of(",(");
      const std::string_view name = trim(value.substr(0, stop == npos ? value.size() : stop));
      if (!ends_sentence(value) && words(name).size() <= 4 && looks_like_person(name)) {
        out.value = std::string(strip_punct(value));
        return out;
      }
    }
    return {};
  }
  return {};
}

// Lines that are page furniture of converted protocols.
bool is_noise(const Line& line) {
  if (line.rule) return true;
  const std::string_view l = line.low();
  for (std::string_view n : {"ordförandes sign", "justerares sign", "justerandes sign", "ordförandens sign",
                             "sekreterarens sign", "underskrift", "namnförtydligande"})
    if (l == n) return true;
  // "Sida 2 av 5", "Sid 2(5)", "2 (5)", a bare page number.
  if ((starts_with_word(l, "sida") || starts_with_word(l, "sid")) && l.size() < 20) {
    for (char c : l)
      if (is_digit(c)) return true;
  }
  if (!l.empty() && l.size() <= 8) {
    bool page = true;
    for (char c : l) page = page && (is_digit(c) || c == ' ' || c == '(' || c == ')' || c == '/');
    if (page) return true;
  }
  return false;
}

std::vector<std::string> cells(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t tab = text.find('\t', start);
    if (tab == npos) tab = text.size();
    out.emplace_back(trim(text.substr(start, tab - start)));
    start = tab + 1;
  }
  return out;
}

// "§182", "§ 12 Budget", "Paragraf 12"
std::optional<ItemNumber> paragraph_number(const Line& line) {
  std::string_view t = line.text();
  if (t.compare(0, 2, "\xC2\xA7") != 0) return std::nullopt;  // §
  std::size_t i = 2;
  while (i < t.size() && t[i] == ' ') ++i;
  const std::size_t digits = i;
  while (i < t.size() && is_digit(t[i]) && i - digits < 5) ++i;
  if (i == digits || (i < t.size() && is_digit(t[i]))) return std::nullopt;
  ItemNumber n;
  n.value = std::stoi(std::string(t.substr(digits, i - digits)));
  if (i < t.size() && t[i] >= 'a' && t[i] <= 'z' && (i + 1 == t.size() || t[i + 1] == ' ' || t[i + 1] == '.')) {
    n.letter = t[i];
    ++i;
  }
  n.number = "\xC2\xA7" + std::string(t.substr(digits, i - digits));
  n.title = std::string(strip_punct(t.substr(i)));
  return n;
}

// "4.", "18a.", "4. Budget", "4) Budget", "Punkt 4: Budget", "Ärende 4 Budget".
// `loose`: the line stands alone in a record that numbers its items without
// punctuation, so "4 Budget" and "1 a Val av justerare" are items too.
namespace {

// "IV. Title" at `at`: a roman number from I to XL with '.' or ')' after it
// and a capitalised title; the pronoun "I" of a sentence has no mark.
std::optional<ItemNumber> roman_item(std::string_view t, std::size_t at) {
  std::size_t end = at;
  while (end < t.size() && end - at < 6 && (t[end] == 'I' || t[end] == 'V' || t[end] == 'X' || t[end] == 'L')) ++end;
  if (end == at || end + 2 >= t.size() || (t[end] != '.' && t[end] != ')') || t[end + 1] != ' ') return std::nullopt;
  const std::string_view numeral = t.substr(at, end - at);
  const auto digit = [](char c) { return c == 'I' ? 1 : c == 'V' ? 5 : c == 'X' ? 10 : 50; };
  int value = 0;
  for (std::size_t k = 0; k < numeral.size(); ++k) {
    const int d = digit(numeral[k]);
    value += (k + 1 < numeral.size() && d < digit(numeral[k + 1])) ? -d : d;
  }
  if (value <= 0 || value > 40) return std::nullopt;
  // Only the usual spelling: "IIII" or "IC" are not numbers.
  static constexpr std::string_view spelled[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  std::string canonical(static_cast<std::size_t>(value / 10), 'X');
  if (value % 10) canonical += spelled[value % 10 - 1];
  if (canonical != numeral) return std::nullopt;
  const std::string_view title = trim(t.substr(end + 1));
  if (title.empty() || !starts_upper(title)) return std::nullopt;
  ItemNumber n;
  n.value = value;
  n.number = std::string(numeral);
  n.title = std::string(strip_punct(title));
  return n;
}

}  // namespace

std::optional<ItemNumber> numbered_item(const Line& line, bool loose) {
  if (line.bullet || line.text().size() > 160) return std::nullopt;
  std::string_view t = line.text();
  std::size_t i = 0;
  bool keyword = false;
  for (std::string_view k : {"punkt ", "ärende ", "p. "})
    if (line.low().compare(0, k.size(), k) == 0) {
      i = k.size();
      keyword = true;
      break;
    }
  const std::size_t digits = i;
  // "IV. Uppföljning", "IX) Övrigt": roman numbers, with a mark after them.
  if (auto roman = roman_item(t, i)) return roman;
  while (i < t.size() && is_digit(t[i]) && i - digits < 4) ++i;
  if (i == digits || i - digits > 3) return std::nullopt;
  ItemNumber n;
  n.value = std::stoi(std::string(t.substr(digits, i - digits)));
  // "3.1 Uppföljning 2026": a sub-item of 3, after it and before 4 (its
  // place among 3's kept in `letter`, as for "3 a").
  if (i + 2 < t.size() && t[i] == '.' && is_digit(t[i + 1]) && (t[i + 2] == ' ' || t[i + 2] == '\t' ||
                                                                (t[i + 2] == '.' && i + 3 < t.size() && t[i + 3] == ' '))) {
    const std::string_view title = trim(t.substr(i + (t[i + 2] == '.' ? 3 : 2)));
    if (title.empty() || !starts_upper(title) || n.value > 400) return std::nullopt;
    n.letter = t[i + 1];
    n.number = std::string(t.substr(digits, i + 2 - digits));
    n.title = std::string(strip_punct(title));
    return n;
  }
  if (i < t.size() && t[i] >= 'a' && t[i] <= 'z' &&
      (i + 1 == t.size() || t[i + 1] == '.' || t[i + 1] == ')' || t[i + 1] == ' ' || t[i + 1] == ':')) {
    n.letter = t[i];
    ++i;
  } else if ((loose || keyword) && i + 3 < t.size() && t[i] == ' ' && t[i + 1] >= 'a' && t[i + 1] <= 'h' &&
             (t[i + 2] == ' ' || t[i + 2] == ')' || (keyword && t[i + 2] == '\t')) &&
             starts_upper(trim(t.substr(i + 3))) && (!keyword || t[i + 2] == '\t' || line.heading)) {
    // "1 a Val av justerare", "1 b) Dagordning": the letter after a space.
    n.letter = t[i + 1];
    i += 2;
  }
  bool marked = false;  // punctuation or a dash between the number and the title
  if (i < t.size() && (t[i] == '.' || t[i] == ')' || t[i] == ':')) {
    ++i;
    marked = true;
  } else if (keyword && i < t.size() && t[i] == '\t') {
    // "Ärende 4<tab>Ekonomi": the agenda's number column.
    marked = true;
  } else if (!keyword) {
    // "4 Budget" without punctuation is a numbered heading only in a heading,
    // or standing alone in a record that numbers its items so.
    // A number in a column of its own ("2<tab>Föregående anteckningar") is
    // the same: the converter kept the agenda's number column.
    if (!((line.heading || loose) && i < t.size() && (t[i] == ' ' || t[i] == '\t'))) return std::nullopt;
  }
  if (i < t.size() && t[i] != ' ' && t[i] != '\t') return std::nullopt;  // "1.5", "28.10.2024"
  n.number = std::string(t.substr(digits, i - digits));
  while (!n.number.empty() && (n.number.back() == '.' || n.number.back() == ')' || n.number.back() == ':'))
    n.number.pop_back();
  // "1 a", "4 a": kept as the model writes it, "1a".
  std::erase(n.number, ' ');
  std::string_view rest = trim(t.substr(i));
  // "Punkt 4 – Budget": a dash between number and title, as Word writes it.
  for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94"})  // – —
    if (rest.starts_with(dash)) {
      rest.remove_prefix(dash.size());
      marked = true;
    }
  // "under punkt 6 Lennart Öberg, ..." broken so that "punkt 6" starts a
  // line is prose: a keyword item needs a mark after its number, or a heading.
  if (keyword && !marked && !line.heading) return std::nullopt;
  if (keyword && !line.heading && !rest.empty() && rest.back() == '.') return std::nullopt;
  n.title = std::string(strip_punct(rest));
  // The title reads like a heading: a capital, a digit or a quote first.
  if (!n.title.empty() && !starts_upper(n.title) && !is_digit(n.title[0]) && n.title[0] != '"' &&
      n.title.compare(0, 3, "\xE2\x80\x9D") != 0)
    return std::nullopt;
  if (n.title.empty() && !line.heading) return std::nullopt;
  // "2019. Det" would be odd; months after a day are dates ("10. mars").
  if (n.value > 400) return std::nullopt;
  return n;
}

bool stands_alone(const Lines& lines, std::size_t k) {
  const Line& l = lines[k];
  if (l.blank() || l.text().size() > 120 || ends_sentence(l.text()) || l.text().back() == ',') return false;
  if (k > 0 && !lines[k - 1].blank() && !lines[k - 1].rule) return false;
  if (k + 1 < lines.size() && !lines[k + 1].blank() && goes_on_below(l, lines[k + 1])) return false;
  return true;
}

bool goes_on_below(const Line& l, const Line& next) {
  if (next.blank() || next.rule || next.bullet) return false;
  // A sentence broken by the converter goes on in lower case; a list of
  // names and titles ("deltog Peter Olsson, förbundsdirektör, och Helén" /
  // "Krantz, välfärdsstrateg, ...") goes on after its commas.
  if (starts_lower(next.text())) return true;
  return std::count(l.text().begin(), l.text().end(), ',') >= 2 && l.text().find('\t') == std::string::npos;
}

namespace {

// Every letter a capital, and at least three letters: "PSYKIATRINS NYA
// VÅRDSTRUKTUR", "LEDAMÖTER". Digits and punctuation do not count.
bool caps_line(std::string_view text) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
    if (c == 0xC3 && i + 1 < text.size()) {
      const unsigned char d = static_cast<unsigned char>(text[i + 1]);
      if (d >= 0xA0) return false;  // å ä ö é ...
      ++letters;
      ++i;
    }
  }
  return letters >= 3;
}

}  // namespace


void join_title_continuations(Lines& lines) {
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    Line& l = lines[k];
    if (l.blank() || l.bullet || l.text().find('\t') != npos || l.text().size() > 100) continue;
    auto n = paragraph_number(l);
    if (!n) n = numbered_item(l);
    if (!n || n->title.empty()) continue;
    // An ALL-CAPS title goes on in capitals on the next line; a title in
    // ordinary case only on an indented line (the converter kept the hanging
    // indent of the number column). Either way the title has no end mark.
    const bool caps = caps_line(n->title);
    const char end = l.text().back();
    if (end == '.' || end == ':' || end == ';' || end == '!' || end == '?') continue;
    std::size_t joined = 0;
    std::size_t j = k + 1;
    while (j < lines.size() && joined < 3) {
      Line& next = lines[j];
      if (next.blank() || next.bullet || next.text().find('\t') != npos || next.text().size() > 80) break;
      if (paragraph_number(next) || numbered_item(next)) break;
      const bool goes_on = caps ? caps_line(next.text()) && (next.indent > l.indent || next.indent >= 2 || words(next.text()).size() <= 4)
                                : next.indent >= l.indent + 2 && starts_lower(next.text());
      if (!goes_on) break;
      std::string whole(l.text());
      whole += ' ';
      whole += next.text();
      lines.set_text(l, whole);
      l.last = next.last;
      next.clear();
      ++joined;
      ++j;
      const char e = l.text().back();
      if (e == '.' || e == ':') break;
    }
    k = j - 1;
  }
}

namespace {

// An attendance label with a qualifier before its value or instead of it:
// "Adjungerad under punkt 4: Tobias Lund", "Deltagarförteckning (X =
// närvarande, F = förhinder)". Only the list labels: "Beslut om ...:" is prose.
}  // namespace

// Each line's kind, in out.lines (sized to the lines), on out's layout.
void classify_lines(const Lines& lines, Classified& out);

Classified classify(const Lines& lines) {
  Classified out = classify_layout(lines);
  out.lines.resize(lines.size());
  classify_lines(lines, out);
  return out;
}

Classified classify_layout(const Lines& lines) {
  Classified out;
  int paragraphs = 0;
  int numbered = 0;
  int last = 0;
  for (const auto& l : lines) {
    if (l.bullet) continue;
    if (paragraph_number(l)) ++paragraphs;
    if (auto n = numbered_item(l); n && n->value > last && !n->title.empty()) {
      ++numbered;
      last = n->value;
    }
  }
  // Items numbered without punctuation ("3 Kartläggning", "1 a Val av
  // justerare"), each a line standing alone: a run of at least three with
  // rising numbers makes them the record's items.
  int loose = 0;
  last = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (lines[k].bullet || !stands_alone(lines, k)) continue;
    if (auto n = numbered_item(lines[k], true); n && n->value >= last && n->value <= last + 3 && !n->title.empty()) {
      if (n->value > last || n->letter) ++loose;
      last = n->value;
    }
  }
  if (paragraphs == 0 && loose >= 3 && loose > numbered) {
    out.loose_numbers = true;
    numbered = loose;
  }
  out.style = paragraphs > 0 ? ItemStyle::paragraphs : numbered >= 2 ? ItemStyle::numbered : ItemStyle::headings;
  int marked = 0;
  for (const auto& l : lines)
    if (l.heading && !l.bullet && read_label(l).kind == L::none) ++marked;
  out.headings_marked = marked >= 3;
  return out;
}

void classify_lines(const Lines& lines, Classified& out) {
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const Line& l = lines[k];
    ClassifiedLine& c = out.lines[k];
    if (l.blank() || is_noise(l)) {
      c.kind = LineKind::blank;
      continue;
    }
    c.caps = caps_line(l.text());
    if (out.style == ItemStyle::paragraphs) {
      c.item = paragraph_number(l);
    } else if (out.style == ItemStyle::numbered) {
      c.item = numbered_item(l);
      if (!c.item && out.loose_numbers && stands_alone(lines, k)) c.item = numbered_item(l, true);
    }
    if (c.item) {
      c.kind = LineKind::item_number;
      continue;
    }
    c.label = read_label(l);
    if (c.label.kind == L::none) c.label = qualified_list_label(l);
    if (c.label.kind != L::none) {
      switch (c.label.kind) {
        case L::writer:
        case L::adjusters:
        case L::adjusted:
        case L::signatures:
        case L::certifier:
          c.kind = LineKind::signature;
          break;
        default:
          c.kind = LineKind::label;
      }
      continue;
    }
    if (l.bullet) {
      c.kind = LineKind::list_entry;
      continue;
    }
    if (l.text().find('\t') != npos) {
      c.kind = LineKind::table_row;
      c.cells = static_cast<std::size_t>(std::count(l.text().begin(), l.text().end(), '\t')) + 1;
      continue;
    }
    if (l.heading || (c.caps && l.text().size() <= 90 && !ends_sentence(l.text()))) {
      c.kind = LineKind::heading;
      continue;
    }
    c.kind = LineKind::text;
  }
}

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
