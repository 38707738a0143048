// The minutes parser: one pass over cleaned lines with a small state machine
// (header, attendance, items, closing block, appended documents). Every
// decision about a line is local and cheap; nothing looks further ahead than
// the next few non-blank lines, so time is linear in the document.
//
// The stages before it: lines.hpp (bytes to cleaned lines), classify.hpp
// (labels, item numbers and the record's numbering style, which this parser
// takes from there) and outline.hpp (sections with line ranges, tested on
// every sample layout; the readers here do not yet take their sections from
// it). recover.hpp cuts flattened tables back into entries for the
// attendance reader.
#include "classify.hpp"
#include "lines.hpp"
#include "recover.hpp"
#include "scan.hpp"
#include "vocabulary.hpp"

#include <samverkan/core/enum.hpp>
#include <samverkan/core/text.hpp>
#include <samverkan/import/minutes.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>

SAMVERKAN_BEGIN_NAMESPACE
namespace import {

std::string Warning::str() const {
  std::string out = document.empty() ? std::string("<text>") : document;
  if (line) {
    out += ':';
    out += std::to_string(line);
  }
  if (!location.empty()) out += " (" + location + ")";
  out += ": ";
  out += message;
  if (!text.empty()) {
    out += ": \xC2\xAB";  // «
    if (text.size() > 160) {
      // Cut at a character boundary: a warning must stay valid UTF-8.
      std::size_t cut = 157;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      out += text.substr(0, cut) + "...";
    } else {
      out += text;
    }
    out += "\xC2\xBB";  // »
  }
  return out;
}

namespace {

using namespace detail;
constexpr std::size_t npos = std::string::npos;
using L = LabelKind;

constexpr std::string_view record_kind_words[] = {
    "mötesanteckningar", "mötesanteckning", "minnesanteckningar", "minnesanteckning", "anteckningar",
    "protokollsutdrag", "utdrag ur protokoll", "utdrag ur sammanträdesprotokoll", "sammanträdesprotokoll",
    "protokoll", "minnesanteckningar från", "anteckningar från",
};


// Words alone on a line under "Närvarande" that name a side or a kind of
// member, not an organisation.
bool is_side_word(std::string_view low) {
  for (std::string_view w :
       {"region", "regionen", "regioner", "kommun", "kommunen", "kommuner", "kommunerna", "staten", "ledamöter",
        "ledamot", "ersättare", "tjänstepersoner", "tjänstemän", "politiker", "förtroendevalda", "övriga",
        "privata aktörer", "civilsamhället", "brukarorganisationer", "gäster", "namn", "organisation",
        "funktion", "roll", "befattning", "namn\torganisation", "namn\tfunktion", "namn\torganisation\troll",
        "namn\troll", "namn\tbefattning", "namn\torganisation\tfunktion", "från regionen", "från kommunerna",
        "kommunal sida", "regional sida", "regionala representanter", "kommunala representanter", "sjukhusen",
        "primärvården", "närvarande", "kallade"})
    if (low == w) return true;
  return false;
}

// Column headings of a flattened attendee table.
bool is_column_heading(std::string_view low) {
  for (std::string_view w : {"namn", "organisation", "funktion", "roll", "befattning", "representerar", "titel", "huvudman", "parti", "uppdrag", "myndighet"})
    if (low == w) return true;
  // "Namn Organisation": the headings of a table whose columns the converter lost.
  if (low.find('\t') == npos && low.find(' ') != npos && low.size() < 60) {
    const auto ws = words(low);
    bool all = ws.size() >= 2;
    for (auto w : ws) all = all && is_column_heading(w);
    if (all) return true;
  }
  if (low.find('\t') != npos) {
    bool all = true;
    std::size_t start = 0;
    while (start <= low.size()) {
      std::size_t tab = low.find('\t', start);
      if (tab == npos) tab = low.size();
      all = all && is_column_heading(low.substr(start, tab - start));
      start = tab + 1;
    }
    return all;
  }
  return false;
}

// ---- decoded documents: a table row's real cells ----
// A row read from a .docx or PDF table keeps its empty cells, which tabs in
// the text cannot (runs of white space are one column break), so its cells
// line up with the table's column headings. Taken only while the text is
// still the row as read (no stage rewrote it).
std::vector<std::string> row_cells(const Lines& lines, const Line& l) {
  auto from_text = cells(l.text());
  const auto& real = lines.cells(l);
  if (real.empty()) return from_text;
  std::size_t k = 0;
  for (const auto& c : real) {
    if (c.empty()) continue;
    if (k == from_text.size() || from_text[k] != c) return from_text;
    ++k;
  }
  return k == from_text.size() ? real : from_text;
}
// ---- end of decoded documents ----

std::optional<MeetingRole> role_word(std::string_view low) {
  low = strip_punct(low);
  if (low == "ordförande" || low == "ordf" || low == "ordf." || low == "mötesordförande") return MeetingRole::chair;
  if (low == "vice ordförande" || low == "vice ordf" || low == "v. ordf" || low == "v ordf" ||
      low == "1:e vice ordförande" || low == "2:e vice ordförande")
    return MeetingRole::vice_chair;
  if (low == "sekreterare" || low == "mötessekreterare" || low == "sekr") return MeetingRole::secretary;
  if (low == "justerare" || low == "justerande") return MeetingRole::adjuster;
  if (low == "adjungerad" || low == "adjungerade") return MeetingRole::coopted;
  if (low == "gäst" || low == "inbjuden" || low == "inbjuden gäst" || low == "åhörare") return MeetingRole::guest;
  if (low == "antecknare" || low == "protokollförare") return MeetingRole::record_writer;
  if (low == "ledamot") return MeetingRole::member;
  return std::nullopt;
}

std::optional<AttendanceStatus> status_word(std::string_view low) {
  low = strip_punct(low);
  for (std::string_view w : {"förhinder", "förhindrad", "förhindrade", "anmält förhinder", "anmält frånvaro",
                             "ursäktad", "har förhinder"})
    if (low == w) return AttendanceStatus::excused;
  for (std::string_view w : {"frånvarande", "ej närvarande", "deltog ej", "deltar ej", "ej närvarande", "frånv"})
    if (low == w) return AttendanceStatus::absent;
  return std::nullopt;
}

// "5", "3, 7", "punkt 5", "§ 5", "p. 4-5", "5 och 7"
std::vector<std::string> item_numbers(std::string_view low) {
  std::string s(strip_punct(low));
  for (std::string_view prefix : {"punkt", "punkterna", "p.", "p", "§§", "§", "ärende", "ärendena"}) {
    if (s.compare(0, prefix.size(), prefix) == 0 &&
        (prefix.back() == '.' || prefix.back() == 0 || s.size() == prefix.size() || s[prefix.size()] == ' ' ||
         is_digit(s[prefix.size()]) || prefix == "§" || prefix == "§§")) {
      s = std::string(trim(std::string_view(s).substr(prefix.size())));
      break;
    }
  }
  std::vector<std::string> out;
  std::size_t i = 0;
  bool range = false;  // after "51–": the numbers up to the next are meant too
  while (i < s.size()) {
    if (!is_digit(s[i])) {
      // "§ 51–52", "punkt 4-6": a range.
      if (s.compare(i, 3, "\xE2\x80\x93") == 0 || s[i] == '-') {
        range = !out.empty();
        i += s[i] == '-' ? std::size_t{1} : std::size_t{3};
        continue;
      }
      if (s[i] == ',' || s[i] == ' ' || s[i] == '&' || s[i] == '/') {
        ++i;
        continue;
      }
      if (s.compare(i, 3, "och") == 0) {
        i += 3;
        continue;
      }
      if (s.compare(i, 2, "\xC2\xA7") == 0) {  // "§" inside a list
        i += 2;
        continue;
      }
      return {};
    }
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j - i > 3) return {};
    if (j < s.size() && s[j] >= 'a' && s[j] <= 'z' && (j + 1 == s.size() || !std::isalpha(static_cast<unsigned char>(s[j + 1])))) {
      out.push_back(s.substr(i, j + 1 - i));
      i = j + 1;
      continue;
    }
    // "4 a": the item's letter written apart.
    if (j + 1 < s.size() && s[j] == ' ' && s[j + 1] >= 'a' && s[j + 1] <= 'h' &&
        (j + 2 == s.size() || s[j + 2] == ' ' || s[j + 2] == ',')) {
      out.push_back(s.substr(i, j - i) + s[j + 1]);
      i = j + 2;
      continue;
    }
    if (range && !out.empty() && j > i) {
      // Fill in a short range of plain numbers: "51–54" is 51, 52, 53, 54.
      const std::string& from = out.back();
      if (!from.empty() && std::all_of(from.begin(), from.end(), [](char c) { return is_digit(c); })) {
        const int a = std::stoi(from);
        const int b = std::stoi(s.substr(i, j - i));
        for (int v = a + 1; v < b && b - a <= 20; ++v) out.push_back(std::to_string(v));
      }
    }
    range = false;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Decision vocabulary.

// Where a sentence lifts a matter to another body: "lyfts till X", "lyfts
// därför till X", "eskaleras till X", "överlämnas till X", "hänskjuts till
// X", "lyfter frågan till X". The offset of X in `low`, or npos.
std::size_t escalation_at(std::string_view low) {
  for (std::string_view verb : {"lyfts ", "lyftes ", "eskaleras ", "eskalerades ", "överlämnas ", "överlämnades ",
                                "hänskjuts ", "hänsköts ", "lyfter frågan ", "lyfta frågan ", "lyfte frågan "}) {
    for (std::size_t at = low.find(verb); at != npos; at = low.find(verb, at + 1)) {
      std::size_t k = at + verb.size();
      if (low.compare(k, 5, "till ") == 0) return k + 5;
      // One adverb between: "lyfts därför till", "lyfts vidare till".
      const std::size_t sp = low.find(' ', k);
      if (sp != npos && sp - k <= 10 && low.compare(sp + 1, 5, "till ") == 0) return sp + 6;
    }
  }
  return npos;
}

// The body named after "till": "Politiskt samråd Västernorrland" of
// "lyfts till Politiskt samråd Västernorrland för beslut".
std::string escalation_name(std::string_view to) {
  const std::size_t stop = to.find_first_of(",.;(");
  if (stop != npos) to = to.substr(0, stop);
  const auto ws = words(to);
  std::string name;
  for (std::size_t k = 0; k < ws.size() && k < 8; ++k) {
    const std::string lw = lower(ws[k]);
    // "Samrådsorganet för Fyrbodal", "Regionala samverkansrådet i Blekinge":
    // a preposition before a capitalised word is part of the name; "för
    // beslut", "i juni" end it.
    if (k > 0 && (lw == "för" || lw == "i") && k + 1 < ws.size() && starts_upper(ws[k + 1])) {
      name += " " + std::string(ws[k]);
      continue;
    }
    // "Ledningsgruppen för samverkan i Kalmar län": a few lower-case words
    // and another preposition before the capital; "för beslut i juni" is
    // what the body is to do, not its name.
    if (k > 0 && lw == "för" && k + 1 < ws.size()) {
      std::size_t j = k + 1;
      bool purpose = false;
      while (j < ws.size() && j <= k + 3 && starts_lower(ws[j])) {
        const std::string w = lower(ws[j]);
        for (std::string_view p : {"beslut", "fastställande", "kännedom", "ställningstagande", "information",
                                   "godkännande", "vidare", "synpunkter", "behandling", "yttrande", "beredning",
                                   "hantering", "att", "som", "den", "det"})
          purpose = purpose || w == p;
        if (purpose) break;
        ++j;
      }
      if (!purpose && j > k + 2 && j < ws.size() && starts_upper(ws[j]) &&
          (lower(ws[j - 1]) == "i" || lower(ws[j - 1]) == "inom")) {
        for (std::size_t w = k; w < j; ++w) name += " " + std::string(ws[w]);
        k = j - 1;
        continue;
      }
    }
    if (k > 0 && (lw == "för" || lw == "som" || lw == "att" || lw == "och" || lw == "inför" || lw == "i" ||
                  lw == "den" || lw == "vid" || lw == "senast" || lw == "på" || lw == "under" || is_digit(lw[0])))
      break;
    name += (k ? " " : "") + std::string(ws[k]);
  }
  return name;
}

DecisionKind classify_decision(std::string_view low) {
  const auto has = [&](std::string_view w) { return low.find(w) != npos; };
  if (has("i uppdrag") || has("uppdras") || has("uppdrar åt") || has("uppdra åt") || has("uppdrog åt") ||
      has("får uppdraget"))
    return DecisionKind::assigned;
  // "beslutade att rekommendera regionstyrelsen att anta överenskommelsen":
  // this meeting decided to recommend; others adopt or endorse.
  if (has("att rekommendera ") || has("beslutade att föreslå ") || has("beslutar att föreslå "))
    return DecisionKind::decided;
  if (has("avslå") || has("avslag")) return DecisionKind::rejected;
  if (has("bordlägg") || has("bordlagt") || has("bordlade") || has("bordlagd") || has("återremitt") ||
      has("skjuts upp") || has("skjuta upp") || has("sköts upp"))
    return DecisionKind::postponed;
  if (has("ställer sig bakom") || has("ställa sig bakom") || has("ställde sig bakom") || has("tillstyrk") ||
      has("är enig om att") || has("är eniga om att") || has("är överens om att") || has("ställer sig positiv"))
    return DecisionKind::endorsed;
  if (has("godkänn") || has("godkände") || has("godkänd")) return DecisionKind::approved;
  if (has("notera") || has("till handlingarna") || has("informationen noteras") || has("noterades") ||
      has("tog del av informationen") || has("tar del av informationen"))
    return DecisionKind::noted;

  // "Dagordningen fastställdes": the agenda is approved, as "godkänns".
  if (has("fastställ") && (has("dagordning") || has("föredragningslista") || has("agenda")))
    return DecisionKind::approved;
  if (has("fastställ") || has("antar ") || has("anta ") || has("antogs") || has("antog ")) return DecisionKind::adopted;
  if (has("lyfts till") || has("lyfta frågan") || has("eskalera") || escalation_at(low) != npos)
    return DecisionKind::escalated;
  return DecisionKind::decided;
}

// A sentence in running text that records a decision or position.
bool states_decision(std::string_view low) {
  // "Styrgruppen antar planen" adopts; "man antar att" only assumes.
  for (std::string_view verb : {" antar ", " antog "}) {
    const std::size_t at = low.find(verb);
    if (at != npos && low.compare(at + verb.size(), 4, "att ") != 0 && low.compare(at + verb.size(), 3, "att") != 0)
      return true;
  }
  // "Vid förra mötet gavs X i uppdrag att ...", "Regionstyrelsen har
  // beslutat att ...": a report of an earlier decision, not this meeting's.
  // Minutes written in the past tense ("X fick i uppdrag att") record their own.
  if (reports_earlier(low)) return false;
  static const PhraseSet decides{
      "beslutar att", "beslutade att", "beslöt att", "beslutades att", "beslutats att", "beslutas att",
      "ställer sig bakom", "ställde sig bakom", "noterar informationen", "noterade informationen",
      "informationen noteras", "lägger informationen till handlingarna", "läggs till handlingarna",
      "lägga informationen till handlingarna", "till handlingarna", "godkänner", "godkände", "fastställer", "fastställde",
      "tillstyrker", "avslår", "bordlägger", "bordläggs", "bordlades", "bordlagdes", "återremitteras",
      "återremitterades", "ärendet skjuts upp", "frågan skjuts upp", "ärendet sköts upp", "frågan sköts upp",
      "tog del av informationen", "tar del av informationen", "informationen noterades", "är enig om att",
      "är eniga om att",
      "är överens om att", "i uppdrag att", "i uppdrag till", "antar förslaget", "antog förslaget",
      // The passive: "Dagordningen godkänns", "Föredragningslistan godkändes".
      "godkänns", "godkändes", "fastställs", "fastställdes"};
  // "... ser behov av att skolcheferna får yttra sig innan rutinen
  // fastställs": a passive verb in a clause of time or purpose tells of a
  // decision to come, not one taken.
  for (std::string_view conjunction : {" innan ", " när ", " efter att ", " förrän ", " så att ", " om "}) {
    const std::size_t at = low.find(conjunction);
    if (at == npos) continue;
    const std::string_view tail = low.substr(at);
    bool passive = false;
    for (std::string_view verb : {"fastställs", "godkänns", "beslutas", "antas", "fastställas", "godkännas"})
      passive = passive || tail.find(verb) != npos;
    if (passive && !decides.any_in(low.substr(0, at))) return false;
  }
  if (decides.any_in(low)) return true;
  // "Nätverket noterade uppföljningen", "Styrgruppen noterar rapporten": a
  // body takes note of a thing; "noterade att ..." only observes.
  for (std::string_view verb : {" noterar ", " noterade "}) {
    const std::size_t at = low.find(verb);
    if (at == npos || at > 60 || words(low.substr(0, at)).size() > 4) continue;
    const auto next = words(low.substr(at + verb.size()));
    if (next.empty()) continue;
    const std::string_view w = strip_punct(next.front());
    if (w == "att" || w == "även" || w == "också" || w == "vidare" || w == "dock" || w == "med" || w == "en" ||
        w == "ett" || w == "som" || w == "hur" || w == "vilka" || w == "vad")
      continue;
    return true;
  }
  // "Frågan om finansiering överlämnas till Politiska samrådsgruppen": the
  // meeting lifts the matter, a decision of its own.
  if (escalation_at(low) != npos) return true;
  // "Nämnden utser Kent Håkansson (M) att justera protokollet": the choice of
  // adjusters, with a finite verb (a bare "utse X att justera" is a clause of
  // a "beslutar att" list).
  if (low.find("justera") != npos)
    for (std::string_view verb : {" utser ", " utsåg ", " utses ", " utsågs ", " väljer ", " valdes ", " valde "})
      if (low.find(verb) != npos) return true;
  return false;
}

// The subject of "Styrgruppen ställer sig bakom ...": the words before the
// verb, when they are few and start with a capital.
std::string decision_subject(std::string_view text, std::string_view low) {
  std::size_t verb = npos;
  for (std::string_view w : {" beslutar", " beslutade", " beslöt", " ställer sig", " ställde sig", " noterar",
                             " noterade", " godkänner", " godkände", " fastställer", " antar", " tillstyrker",
                             " avslår", " bordlägger", " ger ", " gav ", " är enig", " är överens", " lägger"}) {
    const std::size_t at = low.find(w);
    if (at != npos && at < verb) verb = at;
  }
  if (verb == npos || verb == 0) return {};
  // "godkände" is a prefix of the passive "godkändes": only a whole word is a verb.
  {
    std::size_t end = verb + 1;
    while (end < low.size() && low[end] != ' ' && low[end] != ',' && low[end] != '.') ++end;
    const std::string_view word = low.substr(verb + 1, end - verb - 1);
    if (word.ends_with("des") || word.ends_with("ades") || word.ends_with("ogs") || word.ends_with("tes") ||
        word.ends_with("as"))
      return {};
  }
  const auto subject = strip_punct(text.substr(0, verb));
  const auto ws = words(subject);
  if (ws.empty() || ws.size() > 8 || !starts_upper(ws[0])) return {};
  const std::string ls = lower(subject);
  for (std::string_view generic :
       {"mötet", "vi", "man", "gruppen", "det", "samtliga", "alla", "deltagarna", "dagordningen", "protokollet",
        "förslaget", "ärendet", "frågan", "informationen", "rapporten", "minnesanteckningarna", "anteckningarna",
        "budgeten", "planen", "avtalet", "överenskommelsen", "handlingsplanen", "beslutet", "ordföranden",
        "ordförande", "parterna", "arbetet", "underlaget", "medlen"})
    if (ls == generic) return {};
  if (!looks_like_organisation(subject) && !looks_like_person(subject)) return {};
  return std::string(subject);
}

// Splits running text into sentences: at ". ", "! ", "? " before a capital
// or a digit, and at the end.
std::vector<std::pair<std::size_t, std::size_t>> sentences(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ') {
      const std::string_view rest = text.substr(i + 2);
      // "bl.a. " "t.ex. " "ca. " stay inside the sentence.
      if (i >= 1 && text[i - 1] != ' ' && i >= 2 && text[i - 2] == '.') continue;
      if (!rest.empty() && (starts_upper(rest) || is_digit(rest[0]) || rest[0] == '"')) {
        out.emplace_back(start, i + 1);
        start = i + 2;
      }
    }
  }
  if (start < text.size()) out.emplace_back(start, text.size());
  return out;
}

bool ends_sentence(std::string_view text) {
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

std::string capitalise(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  else if (out.size() > 1 && static_cast<unsigned char>(out[0]) == 0xC3) {
    const auto n = static_cast<unsigned char>(out[1]);
    if (n >= 0xA0 && n <= 0xBE && n != 0xB7) out[1] = static_cast<char>(n - 0x20);
  }
  return out;
}

// "den politiska referensgruppen" -> "Politiska referensgruppen"
std::string body_name(std::string_view text) {
  auto t = strip_punct(text);
  const std::string l = lower(t);
  for (std::string_view article : {"den ", "det ", "de ", "till "})
    if (l.compare(0, article.size(), article) == 0) {
      t = t.substr(article.size());
      break;
    }
  return capitalise(strip_punct(t));
}

// ---------------------------------------------------------------------------

enum class Style { paragraphs, numbered, headings };
enum class Mode { header, attendance, items, closing, annex };

// Where a case number written at the end of a title starts ("... HSN
// 2024/0211", "... Dnr ON 2024/14", "... (RJL 2024/2210)"), or npos: a
// register's capitals, then a year and a serial number after '/' or '-'.
std::size_t trailing_case_number(std::string_view title) {
  std::string_view t = title;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '.')) t.remove_suffix(1);
  const bool paren = !t.empty() && t.back() == ')';
  if (paren) t.remove_suffix(1);
  const std::size_t sp = t.find_last_of(" \t");
  if (sp == npos || sp == 0) return npos;
  const std::string_view serial = t.substr(sp + 1);
  std::size_t k = 0;
  while (k < serial.size() && is_digit(serial[k])) ++k;
  if (k != 4 || k + 1 >= serial.size() || (serial[k] != '/' && serial[k] != '-')) return npos;
  for (std::size_t j = k + 1; j < serial.size(); ++j)
    if (!is_digit(serial[j]) && serial[j] != '-' && serial[j] != '/') return npos;
  const std::size_t sp2 = t.find_last_of(" \t", sp - 1);
  const std::size_t reg_at = sp2 == npos ? 0 : sp2 + 1;
  std::string_view reg = t.substr(reg_at, sp - reg_at);
  if (paren && reg.starts_with("(")) reg.remove_prefix(1);
  if (reg.size() < 2 || reg.size() > 8 || !all_caps(reg) || !starts_upper(reg)) return npos;
  std::size_t at = reg_at;
  // "Dnr ON 2024/14": the label goes with the number.
  if (sp2 != npos && sp2 > 0) {
    const std::size_t sp3 = t.find_last_of(" \t", sp2 - 1);
    const std::size_t w_at = sp3 == npos ? 0 : sp3 + 1;
    const std::string lw = lower(strip_punct(t.substr(w_at, sp2 - w_at)));
    if (lw == "dnr" || lw == "diarienummer" || lw == "diarienr") at = w_at;
  }
  if (paren && title[at] != '(') {
    if (at == 0 || title[at - 1] != '(') return npos;
    --at;
  }
  return at == 0 ? npos : at;
}

class Parser {
 public:
  Parser(SplitText text, std::string document, const ParseOptions& options) : options_(options) {
    out_.document = std::move(document);
    lines_ = std::move(text.lines);
    join_title_continuations(lines_);
    // The blank lines split_lines did not keep still count as lines.
    out_.line_count = lines_.size() + text.dropped;
    if (text.encoding == Encoding::windows1252) {
      warn(0, "the document is not UTF-8; it was read as Windows-1252", "");
      out_.extensions["source.encoding"] = "windows-1252";
    } else if (text.encoding == Encoding::repaired) {
      warn(0, std::to_string(text.replaced) + " byte(s) that are not UTF-8 were replaced by U+FFFD", "");
    }
  }

  // ---- decoded documents (.docx, PDF): see document.cpp ----
  // Lines made by a reader are UTF-8 already and may carry a table row's
  // real cells (Line::cells).
  Parser(Lines lines, std::string document, const ParseOptions& options) : options_(options) {
    out_.document = std::move(document);
    lines_ = std::move(lines);
    out_.line_count = lines_.empty() ? 0 : lines_.back().last;
  }
  // ---- end of decoded documents ----

  ParsedMinutes run() {
    unspace_letterhead();
    recover_cell_lines();
    recover_amount_table();
    recover_item_table();
    pair_heading_rows();
    normalise_columns();
    choose_style();
    find_context_year();
    for (i_ = 0; i_ < lines_.size(); ++i_) step();
    finish_item();
    flush_pending_people();
    apply_roles();
    // The secretary writes the record when it names no other writer
    // ("Sekreterare" in a protocol's signatures, "Anna Berg (sekreterare)").
    if (out_.writer.empty()) {
      ParsedAttendee* secretary = nullptr;
      int count = 0;
      for (auto& a : out_.attendees)
        if (std::find(a.roles.begin(), a.roles.end(), MeetingRole::secretary) != a.roles.end()) {
          secretary = &a;
          ++count;
        }
      if (count == 1) {
        out_.writer = secretary->name;
      }
    }
    if (present_list_seen_)
      for (std::size_t k : invited_)
        if (k < out_.attendees.size() && out_.attendees[k].status == AttendanceStatus::present)
          out_.attendees[k].status = AttendanceStatus::invited;
    expand_party_reservations();
    next_meeting_from_item();
    drop_empty_parents();
    mark_procedural();
    // A room or a building named as the place: the meeting was held there,
    // and hybrid when someone on the list joined from afar ("deltar på
    // distans via Teams").
    if (!out_.place.empty() && (out_.form == MeetingForm::unknown || out_.form == MeetingForm::physical))
      out_.form = joined_remotely_ ? MeetingForm::hybrid : MeetingForm::physical;
    if (!kind_seen_ && (style_ == Style::paragraphs || protocol_signs_)) out_.record_kind = RecordKind::protocol;
    if (out_.title.empty() || (record_kind_of(lower(out_.title)) && words(out_.title).size() <= 2)) {
      if (!out_.body.empty()) out_.title = out_.body;
    }
    if (!preamble_.empty()) out_.extensions["source.preamble"] = preamble_;
    if (annex_first_ < annex_last_ || (annex_first_ && annex_first_ == annex_last_))
      out_.extensions["source.appended_documents"] =
          "lines " + std::to_string(lines_[annex_first_].first) + "-" + std::to_string(lines_[annex_last_].last);
    if (!agenda_listing_.empty()) {
      std::string listing;
      for (const auto& it : agenda_listing_) listing += (listing.empty() ? "" : "; ") + it.number + " " + it.title;
      out_.extensions["source.agenda"] = listing;
    }
    if (!out_.date)
      warn(0, out_.items.empty() ? "no meeting date found" : "no meeting date found; the record has agenda items", "");
    return std::move(out_);
  }

 private:
  // A decision about the meeting itself (the agenda, the adjusters, the
  // previous minutes) is procedural, whatever item it is taken under.
  // A decision block's "... lyfts till X." is a decision of kind escalated;
  // it is also the escalation the item records.
  void escalations_from_decisions(ParsedItem& item) {
    for (const auto& d : item.decisions) {
      if (d.kind != DecisionKind::escalated || d.text.empty()) continue;
      const std::string low = lower(d.text);
      const std::size_t at = escalation_at(low);
      if (at == npos) continue;
      bool known = false;
      for (const auto& e : item.escalations) known = known || e.what == d.text;
      if (known) continue;
      const std::string name = escalation_name(std::string_view(d.text).substr(at));
      if (name.empty()) continue;
      item.escalations.push_back({d.text, body_name(name), d.provenance});
    }
  }

  void mark_procedural() {
    for (auto& item : out_.items) {
      for (auto& d : item.decisions) {
        const std::string low = lower(d.text.empty() ? d.proposal : d.text);
        if (is_procedural_decision(low)) d.procedural = true;
        // "Föregående anteckningar" over "Lades till handlingarna.": the
        // item's title says what was filed or approved.
        else if ((d.kind == DecisionKind::noted || d.kind == DecisionKind::approved) && low.size() < 80 &&
                 is_procedural_decision(lower(item.title) + ": " + low))
          d.procedural = true;
      }
      drop_repeated_procedural(item);
    }
  }

  // "Dagordningen fastställs." in the text and "Beslut: Gruppen godkänner
  // dagordningen." below it: one decision about the agenda said twice. Of
  // two procedural decisions about the same matter the later, usually the
  // labelled one, stays.
  static void drop_repeated_procedural(ParsedItem& item) {
    const auto matter = [](const ParsedDecision& d) -> int {
      const std::string low = lower(d.text.empty() ? d.proposal : d.text);
      if (low.find("dagordning") != npos || low.find("föredragningslist") != npos) return 1;
      if (low.find("justera") != npos) return 2;
      return 0;
    };
    for (std::size_t a = 0; a < item.decisions.size(); ++a) {
      const auto& first = item.decisions[a];
      const int m = first.procedural ? matter(first) : 0;
      if (m == 0 || !first.votes.empty() || !first.reservations.empty()) continue;
      std::size_t later = npos;
      for (std::size_t b = a + 1; b < item.decisions.size() && later == npos; ++b)
        if (item.decisions[b].procedural && matter(item.decisions[b]) == m) later = b;
      if (later == npos) continue;
      // Drop the one written first in the document.
      std::size_t drop = a;
      std::size_t keep = later;
      if (item.decisions[later].provenance.first_line < first.provenance.first_line) std::swap(drop, keep);
      if (!item.decisions[drop].votes.empty() || !item.decisions[drop].reservations.empty()) continue;
      item.decisions.erase(item.decisions.begin() + static_cast<std::ptrdiff_t>(drop));
      if (keep > drop) --keep;
      for (auto& as : item.assignments)
        if (as.decision) {
          if (*as.decision == drop) as.decision = keep;
          else if (*as.decision > drop) --*as.decision;
        }
      --a;
    }
  }

  // ---- utilities ----

  const Line& line() const { return lines_[i_]; }
  Provenance here() const { return span(i_, i_); }
  Provenance span(std::size_t a, std::size_t b) const {
    return Provenance{out_.document, lines_[a].first, lines_[b].last};
  }
  void warn(std::size_t source_line, std::string message, std::string_view text) {
    if (out_.warnings.size() >= 1000) return;  // a pathological input must not fill memory with warnings
    out_.warnings.push_back(Warning{out_.document, source_line, std::move(message), std::string(trim(text))});
  }
  void warn_here(std::string message) { warn(line().first, std::move(message), line().text()); }

  // The next non-blank, non-noise line after `from`, or npos.
  std::size_t next_content(std::size_t from) const {
    for (std::size_t j = from + 1; j < lines_.size() && j <= from + 40; ++j)
      if (!lines_[j].blank() && !is_noise(lines_[j])) return j;
    return npos;
  }

  std::optional<int> year() const {
    if (out_.date) return static_cast<int>(out_.date->year());
    if (context_year_) return context_year_;
    return options_.default_year;
  }

  // Dates in a line; a date written without its year ("den 24 mars") is
  // taken in the year that puts it nearest the meeting, so that minutes of
  // October 2024 speaking of "24 mars" mean March 2025.
  std::vector<FoundDate> dates_in(std::string_view text) const { return near_meeting(find_dates(text, year())); }
  std::vector<FoundDate> dates_in(const Line& l) const { return near_meeting(find_dates_lowered(l.low(), year())); }
  std::vector<FoundDate> near_meeting(std::vector<FoundDate> found) const {
    if (!out_.date) return found;
    const auto anchor = std::chrono::sys_days(*out_.date);
    for (auto& d : found) {
      if (!d.year_inferred) continue;
      std::optional<Date> best;
      for (int shift : {-1, 0, 1}) {
        const Date candidate{d.date.year() + std::chrono::years(shift), d.date.month(), d.date.day()};
        if (!candidate.ok()) continue;
        const auto distance = std::chrono::abs(std::chrono::sys_days(candidate) - anchor);
        if (!best || distance < std::chrono::abs(std::chrono::sys_days(*best) - anchor)) best = candidate;
      }
      if (best) d.date = *best;
    }
    return found;
  }

  // ---- prepass ----

  // A protocol's front page is a table of two columns flattened to text:
  //   "Plats och tid      Regionens hus, Linköping,"
  //   "                   kl. 13.00–16.10"
  //   "Övriga             Camilla Rask, sekreterare"
  //   "närvarande         Anna Berg, Region Östergötland"
  // The label column becomes "Label: value"; a label broken over two lines
  // is joined; indented value lines continue the label above, joined to it
  // for dates, times and places, kept one per line for lists of people.
  // "Datum\tTid\tPlats" over "2024-04-18\t09:00-12\tRegionhuset, Gävle": a
  // header table whose labels are one row and their values the next. Each
  // label becomes a line "Label: value" of its own, at the values' source line.
  void pair_heading_rows() {
    for (std::size_t k = 0; k + 1 < lines_.size() && k < 80; ++k) {
      const Line& l = lines_[k];
      if (l.text().find('\t') == npos) continue;
      const auto heads = cells(l.text());
      // "Datum: 2024-11-21<TAB>Tid: 13.00-15.30<TAB>Plats: Regionens hus": labels
      // with their values side by side, each a line of its own.
      if (heads.size() >= 2 && heads.size() <= 6) {
        bool all = true;
        for (const auto& h : heads) {
          const ProbeLine probe(h);
          const Label label = read_label(probe.line);
          all = all && label.kind != L::none && label.colon && !label.value.empty();
        }
        if (all) {
          std::vector<Line> split;
          for (const auto& h : heads) {
            Line p = lines_.with_text(l, h);
            p.indent = 0;
            split.push_back(p);
          }
          lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(k));
          lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(k), split.begin(), split.end());
          k += split.size() - 1;
          continue;
        }
      }
      if (heads.size() < 2 || heads.size() > 6) continue;
      bool labels = true;
      for (const auto& h : heads) {
        const ProbeLine probe(h);
        const Label label = read_label(probe.line);
        labels = labels && label.value.empty() &&
                 (label.kind == L::date || label.kind == L::time || label.kind == L::date_time ||
                  label.kind == L::place || label.kind == L::form || label.kind == L::place_form);
      }
      if (!labels) continue;
      std::size_t n = k + 1;
      while (n < lines_.size() && n <= k + 2 && lines_[n].blank()) ++n;
      if (n >= lines_.size() || lines_[n].blank()) continue;
      const auto values = cells(lines_[n].text());
      if (values.size() != heads.size()) continue;
      std::vector<Line> pairs;
      for (std::size_t c = 0; c < heads.size(); ++c) {
        Line p = lines_.with_text(lines_[n], heads[c] + ": " + values[c]);
        p.indent = 0;
        pairs.push_back(p);
      }
      lines_[n].clear();
      lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(k));
      lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(k), pairs.begin(), pairs.end());
      k += pairs.size() - 1;
    }
  }

  void normalise_columns() {
    std::size_t label_row = npos;
    std::string label_text;
    for (std::size_t k = 0; k < lines_.size(); ++k) {
      Line& l = lines_[k];
      if (l.blank()) {
        if (l.rule) label_row = npos;
        continue;
      }
      const std::size_t tab = l.text().find('\t');
      if (tab != npos) {
        const std::string head(l.text().substr(0, tab));
        const std::string rest(l.text().substr(tab + 1));
        const ProbeLine probe(head);
        const Label as_label = read_label(probe.line);
        // "Åtgärd\tAnsvarig\tKlart": the column headings of an action list, no label.
        bool action_heading = false;
        if (action_column(lower(head)) != ActionColumn::none)
          for (const auto& c : cells(rest)) action_heading = action_heading || action_column(lower(c)) == ActionColumn::owner;
        // "Ledamöter\tNärv.\tErsättare\tNärv.": the headings of an attendance table.
        if (attendance_column(lower(strip_punct(head))) == AttendanceColumn::name) {
          bool all = true;
          for (const auto& c : cells(rest)) all = all && attendance_column(lower(strip_punct(c))) != AttendanceColumn::none;
          action_heading = action_heading || all;
        }
        if (as_label.kind != L::none && as_label.value.empty() && words(head).size() <= 5 && !action_heading) {
          label_row = k;
          label_text = head;
          lines_.set_text(l, head + ": " + rest);
          continue;
        }
        // "Övriga      Camilla Rask" over "närvarande  Anna Berg": the label is
        // whole only with the next line's first word(s).
        if (!looks_like_person(head) && words(head).size() <= 2 && starts_upper(head)) {
          std::size_t n = k + 1;
          while (n < lines_.size() && lines_[n].blank() && !lines_[n].rule) ++n;
          if (n < lines_.size()) {
            const Line& next = lines_[n];
            const std::size_t ntab = next.text().find('\t');
            const std::string nhead(ntab == npos ? next.text() : next.text().substr(0, ntab));
            if (starts_lower(nhead) && words(nhead).size() <= 3) {
              const ProbeLine joined(head + " " + nhead);
              const Label whole = read_label(joined.line);
              if (whole.kind != L::none && whole.value.empty()) {
                label_row = k;
                label_text = joined.text();
                lines_.set_text(l, label_text + ": " + rest);
                Line& cont = lines_[n];
                if (ntab == npos) cont.clear();
                else lines_.narrow(cont, ntab + 1);
                cont.indent = 19;
                if (cont.blank()) continue;
                // The continuation's value joins the row for dates and places.
                const L kind = whole.kind;
                if (kind == L::date || kind == L::time || kind == L::date_time || kind == L::place ||
                    kind == L::adjusted) {
                  lines_.set_text(l, std::string(l.text()) + ", " + std::string(cont.text()));
                  cont.clear();
                }
                continue;
              }
            }
          }
        }
        if (label_row != npos && starts_lower(head) && words(head).size() <= 3 && !looks_like_person(head)) {
          // "närvarande" under "Övriga": one label in two lines.
          const ProbeLine joined(label_text + " " + head);
          if (read_label(joined.line).kind != L::none) {
            Line& row = lines_[label_row];
            const std::string value(row.text().substr(label_text.size() + 2));
            label_text = joined.text();
            lines_.set_text(row, label_text + ": " + value);
            lines_.narrow(l, tab + 1);
            l.indent = 19;
          }
          continue;
        }
        label_row = npos;
        continue;
      }
      if (label_row == npos) continue;
      // A lower-case word alone finishing a label broken in two ("plats och tid").
      if (starts_lower(l.text()) && words(l.text()).size() <= 3 && l.indent == 0) {
        const ProbeLine joined(label_text + " " + std::string(l.text()));
        if (read_label(joined.line).kind != L::none) {
          Line& row = lines_[label_row];
          const std::string value(row.text().substr(label_text.size() + 2));
          label_text = joined.text();
          lines_.set_text(row, label_text + ": " + value);
          l.clear();
          continue;
        }
      }
      if (l.indent < 8) {
        label_row = npos;
        continue;
      }
      // An indented value line under a label.
      const ProbeLine probe(label_text);
      const L kind = read_label(probe.line).kind;
      if (kind == L::date || kind == L::time || kind == L::date_time || kind == L::place || kind == L::form ||
          kind == L::place_form || kind == L::adjusted) {
        Line& row = lines_[label_row];
        lines_.set_text(row, std::string(row.text()) + (row.text().back() == ',' ? " " : ", ") + std::string(l.text()));
        row.last = l.last;
        l.clear();
      }
    }
  }

  // How the record numbers its items, from the classify stage.
  void choose_style() {
    const Classified c = classify_layout(lines_);
    loose_numbers_ = c.loose_numbers;
    headings_marked_ = c.headings_marked;
    style_ = c.style == ItemStyle::paragraphs ? Style::paragraphs
             : c.style == ItemStyle::numbered ? Style::numbered
                                              : Style::headings;
  }

  bool stands_alone(std::size_t k) const { return detail::stands_alone(lines_, k); }

  std::optional<ItemNumber> numbered_at(std::size_t k) const {
    if (auto n = numbered_item(lines_[k])) return n;
    if (loose_numbers_ && stands_alone(k)) return numbered_item(lines_[k], true);
    return std::nullopt;
  }

  void find_context_year() {
    for (std::size_t k = 0; k < lines_.size() && k < 60; ++k) {
      for (const auto& d : find_dates(lines_[k].text(), std::nullopt)) {
        context_year_ = static_cast<int>(d.date.year());
        return;
      }
    }
  }

  // ---- the state machine ----

  void step() {
    const Line& l = line();
    if (l.blank()) {
      blank_run_ = true;
      if (decision_block_ && !decision_block_->after_lead) decision_block_->blank = true;
      return;
    }
    if (is_noise(l) || (skip_set_ && i_ <= skip_until_)) return;
    // A page header repeating the body's name on every page of a protocol.
    if (!out_.body.empty() && mode_ != Mode::header && l.text().size() + 8 >= out_.body.size() &&
        l.text().size() <= out_.body.size() + 8 && fold(l.text()) == fold(out_.body))
      return;
    const bool after_blank = blank_run_;
    blank_run_ = false;

    // An action list: a table with an "Ansvarig" column, anywhere in the
    // record, also after its closing.
    if (action_columns_.empty() ? action_table_header(l) : action_row(l)) return;

    if (comment_on_item()) return;
    if (task_line()) return;

    if (mode_ == Mode::annex) {
      if (leaves_annex()) {
        mode_ = Mode::items;
      } else {
        annex_line();
        return;
      }
    }

    if (pending_value_ != L::none) {
      if (take_pending_value()) return;
    }

    if (auto n = item_start(); n) {
      start_item(*n);
      return;
    }

    // "Reservation", "Omröstning", "Yrkanden": the debate, not the decision.
    if (current_ && mode_ == Mode::items && !title_pending_) {
      std::size_t value_at = 0;
      if (const Proceeding kind = proceeding_heading(l.low(), &value_at); kind != Proceeding::none) {
        open_proceeding(kind, value_at);
        return;
      }
    }

    // "Ledamöter\tNärv.\tErsättare\tNärv." before the members: a table of
    // attendance whose first heading is also a label.
    if ((mode_ == Mode::header || mode_ == Mode::attendance) && l.text().find('\t') != npos &&
        attendance_columns_.empty()) {
      const auto row = cells(l.text());
      if (row.size() >= 2 && attendance_column(lower(strip_punct(row[0]))) == AttendanceColumn::name) {
        std::vector<AttendanceColumn> keep = attendance_columns_;
        if (attendance_table_header(row)) {
          auto columns = std::move(attendance_columns_);
          Label present;
          present.kind = L::present;
          begin_attendance(present);
          attendance_columns_ = std::move(columns);
          return;
        }
        attendance_columns_ = std::move(keep);
      }
    }

    if (front_signatures_) {
      if (mode_ == Mode::header && front_signature_row(l.text())) return;
      front_signatures_ = false;
    }

    if (signature_heading_row(l)) return;

    Label label = read_label(l);
    if (label.kind == L::none && (mode_ == Mode::header || mode_ == Mode::attendance)) label = qualified_list_label(l);
    if (label.kind != L::none) {
      const bool was = in_proceeding_;
      in_proceeding_ = false;
      if (handle_label(label)) return;
      in_proceeding_ = was;
    }

    // "Protokollet justerades 2024-04-25 och anslogs ...", "Anteckningarna
    // justerade digitalt 2024-09-26.": the adjustment date, in the header or
    // the closing (under an item it may be another record's).
    if (!out_.adjusted_on && mode_ != Mode::items && mode_ != Mode::annex &&
        (l.low().find("justerades") != npos || l.low().find("justerade ") != npos || l.low().find("har justerats") != npos)) {
      const auto dates = dates_in(l);
      if (dates.size() == 1) out_.adjusted_on = dates.front().date;
    }
    if (mode_ == Mode::closing) {
      closing_line();
      return;
    }
    if (mode_ == Mode::header) {
      header_line(after_blank);
      return;
    }
    if (mode_ == Mode::attendance) {
      if (attendance_line(after_blank)) return;
      flush_pending_people();
      mode_ = out_.items.empty() && !current_ ? Mode::header : Mode::items;
      if (mode_ == Mode::header) {
        if (auto n = heading_item_start(true)) {
          start_item(*n);
          return;
        }
        header_line(after_blank);
        return;
      }
    }
    item_line(after_blank);
  }

  // ---- item boundaries ----

  std::optional<ItemNumber> item_start() {
    const Line& l = line();
    if (style_ == Style::paragraphs) {
      auto n = paragraph_number(l);
      if (!n) return std::nullopt;
      if (mode_ == Mode::annex && n->value <= last_value_) return std::nullopt;
      return n;
    }
    if (style_ == Style::numbered) {
      auto n = numbered_at(i_);
      if (!n) return std::nullopt;
      // "1. Karin Alm, förvaltningschef, Borås Stad": a numbered list of
      // those present, not the agenda.
      if ((mode_ == Mode::attendance || mode_ == Mode::header) && !line().heading && attendance_entry(n->title))
        return std::nullopt;
      if (out_.items.empty() && !current_) return n;
      const int last = last_value_;
      const char last_letter = last_letter_;
      if (n->value > last || (n->value == last && n->letter > last_letter)) {
        if (n->value > last + 30) return std::nullopt;  // a year or a count, not the next item
        return n;
      }
      // The agenda listed first, then the minutes item by item: start over.
      if (!out_.items.empty() && n->number == out_.items.front().number && agenda_only()) {
        if (current_) out_.items.push_back(std::move(*current_));
        agenda_listing_ = std::move(out_.items);
        out_.items.clear();
        current_.reset();
        return n;
      }
      if (current_ && current_->number == n->number) return std::nullopt;
      return std::nullopt;
    }
    return heading_item_start(false);
  }

  // True while every item so far is a bare title: the lines were an agenda.
  bool agenda_only() const {
    auto empty = [](const ParsedItem& it) { return it.text.empty() && it.decisions.empty() && it.presenters.empty(); };
    if (current_ && !empty(*current_)) return false;
    return std::all_of(out_.items.begin(), out_.items.end(), empty);
  }

  // A heading-structured record: a short line standing alone, followed by
  // running text, after the attendance part or the word "Dagordning".
  std::optional<ItemNumber> heading_item_start(bool from_header) {
    if (style_ != Style::headings) return std::nullopt;
    if (mode_ == Mode::header && !from_header && !agenda_seen_) return std::nullopt;
    if (mode_ == Mode::closing || mode_ == Mode::annex) return std::nullopt;
    const Line& l = line();
    if (l.bullet || l.text().size() > 90 || l.text().find('\t') != npos) return std::nullopt;
    const auto ws = words(l.text());
    if (ws.empty() || ws.size() > 10 || !starts_upper(l.text())) return std::nullopt;
    const char last = l.text().back();
    if (last == '.' || last == ',' || last == ':' || last == ';') return std::nullopt;
    if (i_ > 0 && !lines_[i_ - 1].blank() && !lines_[i_ - 1].rule && !l.heading) return std::nullopt;
    const Label label_read = read_label(l);
    const L as_label = label_read.kind;
    // "## Eskaleringsfrågor till Politiskt samråd" heads a section of its own.
    if (as_label != L::none && !(as_label == L::escalations && l.heading) && !heads_an_item(label_read))
      return std::nullopt;
    if (looks_like_person(l.text())) return std::nullopt;
    // A Markdown or Word-bold record marks its headings; other short lines
    // there are text.
    if (headings_marked_ && !l.heading) return std::nullopt;
    // A sentence broken by the converter goes on in lower case on the next line.
    if (i_ + 1 < lines_.size() && goes_on_below(l, lines_[i_ + 1])) return std::nullopt;
    const std::size_t next = next_content(i_);
    if (next == npos) return std::nullopt;
    const Line& n = lines_[next];
    // Under "Närvarande", a heading over a list of names is a group of attendees.
    if (mode_ == Mode::attendance &&
        (looks_like_person(strip_parens(n.text())) || read_attendee(n.text()) || is_side_word(l.low())))
      return std::nullopt;
    // What follows a heading is prose, a list, or a label; another short
    // line means this was part of a list of names or a title block.
    const bool prose = n.text().size() > 60 || ends_sentence(n.text()) || n.bullet || n.text().back() == ':';
    if (!prose && !l.heading) return std::nullopt;
    ItemNumber h;
    h.title = l.text();
    return h;
  }

  void start_item(const ItemNumber& given) {
    ItemNumber n = given;
    // "§ 45 Dnr SN 2023/12": the case number where the title would be; the
    // title is on the next line.
    std::string case_number;
    if (looks_like_case_number(n.title) || lower(n.title).compare(0, 4, "dnr ") == 0 ||
        lower(n.title).compare(0, 13, "diarienummer ") == 0) {
      case_number = n.title;
      n.title.clear();
    }
    finish_item();
    flush_pending_people();
    if (mode_ == Mode::annex || mode_ == Mode::closing) mode_ = Mode::items;
    mode_ = Mode::items;
    current_.emplace();
    current_->number = n.number;
    current_->title = n.title;
    current_->provenance = here();
    item_first_ = i_;
    item_last_ = i_;
    title_pending_ = n.title.empty();
    if (!case_number.empty()) current_->case_number = std::string(case_number_value(case_number));
    lines_since_title_ = 0;
    decision_cursor_ = 0;
    proposal_cursor_ = 0;
    list_target_ = L::none;
    escalation_to_.clear();
    proceedings_.clear();
    in_proceeding_ = false;
    if (!n.number.empty()) {
      last_value_ = n.value;
      last_letter_ = n.letter;
    }
    purpose_from_title();
    scan_facts(line().text());
    if (const Label label = read_label(line()); label.kind == L::escalations) {
      list_target_ = L::escalations;
      const std::size_t at = find_word(line().low(), "till");
      if (at != npos) escalation_to_ = body_name(std::string_view(line().text()).substr(at + 4));
    }
  }

  // "4. Budget 2025 (information)" / "Budget – beslut"
  void purpose_from_title() {
    auto& title = current_->title;
    if (title.empty()) return;
    std::string_view t = title;
    std::size_t cut = npos;
    std::string_view tail;
    if (t.back() == ')') {
      const std::size_t open = t.rfind('(');
      if (open != npos) {
        tail = t.substr(open + 1, t.size() - open - 2);
        cut = open;
      }
    } else {
      for (std::string_view dash : {" \xE2\x80\x93 ", " - ", " \xE2\x80\x94 "}) {
        const std::size_t at = t.rfind(dash);
        if (at != npos) {
          tail = t.substr(at + dash.size());
          cut = at;
          break;
        }
      }
    }
    if (cut == npos) return;
    // Only words that say what the item is for; "– lägesrapport" or
    // "– uppföljning" are as often part of the title.
    const std::string lowered_tail = lower(tail);
    bool purpose_word = false;
    for (std::string_view w : {"information", "info", "beslut", "dialog", "diskussion", "ställningstagande",
                               "för kännedom", "för beslut", "för information", "för dialog", "information och dialog",
                               "information och diskussion", "beslutsärende", "informationsärende"})
      purpose_word = purpose_word || lowered_tail == w;
    if (!purpose_word) return;
    auto purposes = read_purposes(lowered_tail);
    if (purposes.empty()) return;
    current_->purposes = purposes;
    title = std::string(strip_punct(t.substr(0, cut)));
  }

  static std::vector<ItemPurpose> read_purposes(std::string_view low) {
    std::vector<ItemPurpose> out;
    for (const auto& part : split_list(low)) {
      std::string p(strip_punct(part));
      for (std::string_view prefix : {"för ", "syfte "})
        if (p.compare(0, prefix.size(), prefix) == 0) p = p.substr(prefix.size());
      std::optional<ItemPurpose> v;
      if (p == "kännedom" || p == "information" || p == "info" || p == "informationsärende" ||
          p == "informationspunkt")
        v = ItemPurpose::information;
      else if (p == "dialog" || p == "diskussion" || p == "dialogpunkt" || p == "samtal" || p == "inspel" ||
               p == "avstämning")
        v = ItemPurpose::dialog;
      else if (p == "beslut" || p == "ställningstagande" || p == "beslutsärende" || p == "beslutspunkt" ||
               p == "godkännande")
        v = ItemPurpose::decision;
      else if (p == "återrapportering" || p == "rapport" || p == "redovisning" || p == "lägesrapport" ||
               p == "uppföljning")
        v = ItemPurpose::report;
      if (!v) return {};
      if (std::find(out.begin(), out.end(), *v) == out.end()) out.push_back(*v);
    }
    return out;
  }

  void finish_item() {
    close_decision_block();
    if (!current_) return;
    if (out_.items.size() >= max_items) {
      // Minutes have tens of items; a text that numbers millions of lines
      // ("§1" on every line) must not hold an item record for each.
      if (!items_capped_)
        warn(lines_[item_first_].first,
             "more than " + std::to_string(max_items) + " agenda items: this item and the ones after it are not imported",
             lines_[item_first_].text());
      items_capped_ = true;
      leads_.clear();
      proceedings_.clear();
      inline_proceedings_.clear();
      in_proceeding_ = false;
      current_.reset();
      return;
    }
    auto& item = *current_;
    item.provenance = span(item_first_, item_last_);
    // "Delårsrapport per augusti 2024 HSN 2024/0211", "Internbudget 2025 Dnr
    // ON 2024/103", "Regionala priser 2025 (RJL 2024/2210)": the item's case
    // number written at the end of its title.
    if (const std::size_t at = trailing_case_number(item.title); at != npos) {
      std::string_view number = trim(std::string_view(item.title).substr(at));
      if (number.starts_with("(") && number.ends_with(")")) number = trim(number.substr(1, number.size() - 2));
      if (item.case_number.empty()) item.case_number = std::string(case_number_value(number));
      item.title = std::string(strip_punct(trim(std::string_view(item.title).substr(0, at))));
    }
    // Text-wide facts from the joined text: sentences broken over lines are whole here.
    scan_sentences(item);
    escalations_from_decisions(item);
    read_proceedings(item);
    assignments_from_decisions(item);
    split_joint_owners(item);
    merge_tasks(item);
    leads_.clear();
    proceedings_.clear();
    inline_proceedings_.clear();
    in_proceeding_ = false;
    while (!item.text.empty() && (item.text.back() == '\n' || item.text.back() == ' ')) item.text.pop_back();
    // Proposals that the decision repeated word for word are one fact.
    for (auto& d : item.decisions)
      if (!d.text.empty() && fold(d.text) == fold(d.proposal)) d.proposal.clear();
    out_.items.push_back(std::move(item));
    current_.reset();
  }

  // ---- header ----

  void header_line(bool after_blank) {
    (void)after_blank;
    const Line& l = line();
    if (!kind_seen_) {
      // "Mötesanteckningar Styrgruppen för X", "PROTOKOLL    1 (6)",
      // "Region Östergötland    Minnesanteckningar" (a letterhead in columns).
      const auto row = cells(l.text());
      for (std::size_t c = 0; c < row.size(); ++c) {
        const std::string low = lower(row[c]);
        const auto kind = record_kind_of(low);
        if (!kind) continue;
        kind_seen_ = true;
        out_.record_kind = *kind;
        std::string rest = row[c];
        for (std::string_view w : record_kind_words) {
          if (starts_with_word(low, w)) {
            // "Minnesanteckningar / Meeting notes": the kind in a second
            // language, no body.
            const std::string_view after = trim(std::string_view(row[c]).substr(w.size()));
            if (!after.empty() && after.front() == '/') {
              rest.clear();
              break;
            }
            rest = std::string(strip_punct(std::string_view(row[c]).substr(w.size())));
            break;
          }
        }
        // "... från möte med Vårdsamverkan Fyrbodal 2023-02-15": the date goes
        // to the date, the words about a meeting go.
        if (const auto found = dates_in(rest); !found.empty()) {
          if (!out_.date) out_.date = found.front().date;
          rest = std::string(strip_punct(std::string_view(rest).substr(0, found.front().begin)));
        }
        for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", "-", ":"})
          if (rest.compare(0, dash.size(), dash) == 0) rest = std::string(strip_punct(rest.substr(dash.size())));
        for (int pass = 0; pass < 2; ++pass)
          for (std::string_view w : {"från ", "för ", "vid ", "fört vid ", "med ", "möte med ", "mötet med ",
                                     "möte i ", "mötet i ", "sammanträde med ", "sammanträdet med ", "möte för ",
                                     "sammanträde i "})
            if (lower(rest).compare(0, w.size(), w) == 0) rest = rest.substr(w.size());
        const std::string lrest = lower(rest);
        // "från mötet den 26 november 2026" leaves "mötet den": which meeting, not whose.
        const bool generic = lrest.empty() || lrest == "möte" || lrest == "mötet" || lrest == "sammanträde" ||
                             lrest == "sammanträdet" || lrest == "sammanträde med" || lrest == "mötet den" ||
                             lrest == "möte den" || lrest == "sammanträdet den" || lrest == "sammanträde den" ||
                             lrest == "den";
        bool letters = false;
        for (char ch : rest) letters = letters || (static_cast<unsigned char>(ch) >= 0x80 || std::isalpha(static_cast<unsigned char>(ch)));
        if (!generic && letters) {
          take_body(rest);
          body_names_body_ = names_a_body(lower(rest));
          body_line_ = i_;
          if (out_.title.empty()) out_.title = row[c];
        }
        for (std::size_t o = 0; o < row.size(); ++o) {
          if (o == c) continue;
          // "PROTOKOLL<tab>Dnr SCÖ 2026/23": the record's case number beside its kind.
          const std::string low_cell = lower(row[o]);
          if ((starts_with_word(low_cell, "dnr") || starts_with_word(low_cell, "diarienummer")) &&
              !case_number_value(row[o]).empty()) {
            out_.extensions.emplace("source.case_number", std::string(case_number_value(row[o])));
            continue;
          }
          if (looks_like_organisation(row[o])) out_.extensions["source.issuer"] = row[o];
        }
        return;
      }
    }
    if (l.low() == "dagordning" || l.low() == "agenda") {
      agenda_seen_ = true;
      return;
    }
    // "Mötet hölls på distans via Skype.", "Sammanträdet hölls i
    // Regionens hus.": how and where, in a sentence of the header.
    for (std::string_view opening : {"mötet hölls ", "mötet genomfördes ", "mötet ägde rum ", "sammanträdet hölls ",
                                     "sammanträdet genomfördes ", "mötet sker ", "mötet hålls "}) {
      if (!l.low().starts_with(opening) || l.text().size() > 160) continue;
      std::string rest(strip_punct(std::string_view(l.text()).substr(opening.size())));
      for (std::string_view lead : {"i ", "på "})
        if (lower(rest).starts_with(lead) && lower(rest).compare(lead.size(), 7, "distans") != 0) rest = rest.substr(lead.size());
      if (!rest.empty()) read_form_place(rest, out_.place.empty());
      return;
    }
    // A line that is only a date (or a date and time) in the header.
    const auto dates = dates_in(l.text());
    // "Vård- och omsorgsnämnden<tab>2026-10-22" under a letterhead: short,
    // but the words before the date are the body that met, not a place.
    const bool date_beside_body =
        !dates.empty() && (out_.body.empty() || !body_names_body_) &&
        names_a_body(std::string_view(l.low()).substr(0, dates.front().begin)) && starts_upper(l.text());
    if (!dates.empty() && !date_beside_body &&
        (dates.front().end - dates.front().begin) * 2 >= l.text().size() - std::min<std::size_t>(l.text().size(), 20)) {
      // "2023-11-08, kl. 10.00–12.00, Teams": the rest is place or form.
      if (!out_.date || !out_.start) read_date_time_place(l.text(), l);
      return;
    }
    // "POLITISK SAMVERKANSGRUPP FÖR VÅRD" / "OCH OMSORG I DALARNA": a body's
    // name broken over two header lines, the second going on with a
    // conjunction or the first ending in a preposition.
    if (!out_.body.empty() && body_line_ + 1 == i_ && l.text().size() <= 80 && !ends_sentence(l.text()) &&
        dates.empty() && l.text().find('\t') == npos && continues_name(lower(out_.body), l.low())) {
      out_.body = std::string(strip_punct(out_.body + " " + std::string(l.text())));
      if (out_.title.empty() || fold(out_.title) != fold(out_.body)) out_.title = out_.body;
      body_line_ = i_;
      return;
    }
    // The letterhead names the organisation ("Region Halland", "Karlstads
    // kommun · Socialnämnden"); the body that met is the line or cell whose
    // words name a body, and it takes the place of an organisation taken
    // before it.
    // "Kommunalförbund\tDnr NK 2024/0012": the record's case number in a
    // letterhead cell.
    std::string without_number;
    if (!out_.extensions.count("source.case_number") && l.text().find('\t') != npos) {
      for (const auto& cell : cells(l.text())) {
        const std::string low_cell = lower(cell);
        if ((starts_with_word(low_cell, "dnr") || starts_with_word(low_cell, "diarienummer")) &&
            !case_number_value(cell).empty()) {
          out_.extensions["source.case_number"] = std::string(case_number_value(cell));
          continue;
        }
        if (!cell.empty()) without_number += (without_number.empty() ? "" : "\t") + cell;
      }
    }
    const bool names_body = names_a_body(l.low());
    if ((out_.body.empty() || (!body_names_body_ && names_body)) && l.text().size() <= 120 &&
        !ends_sentence(l.text()) && starts_upper(l.text()) && !looks_like_person(l.text())) {
      std::string text = without_number.empty() ? std::string(l.text()) : without_number;
      if (names_body) {
        std::vector<std::string> parts;
        for (const auto& cell : cells(text))
          for (const auto& p : split_on_marks(cell)) parts.push_back(p);
        if (parts.size() > 1) {
          for (const auto& p : parts)
            if (names_a_body(lower(p)) && dates_in(p).empty()) {
              text = p;
              break;
            }
        }
      }
      if (!dates.empty()) {
        if (!out_.date) out_.date = dates.front().date;
        text = std::string(strip_punct(std::string_view(l.text()).substr(0, dates.front().begin)));
        // "Vård- och omsorgsnämnden\tSammanträdesdatum 2024-02-27": the
        // date's column, its label included, is not part of the body.
        if (const std::size_t tab = text.rfind('\t'); tab != npos && tab > 0) text.erase(tab);
        read_times(l.text());
      }
      if (!out_.body.empty() && names_body && looks_like_organisation(out_.body) &&
          !out_.extensions.count("source.issuer"))
        out_.extensions["source.issuer"] = out_.body;
      const bool replacing = !out_.body.empty();
      if (replacing && fold(out_.title) == fold(out_.body)) out_.title.clear();
      out_.body.clear();
      take_body(text);
      body_names_body_ = names_body;
      body_line_ = i_;
      if (out_.title.empty()) out_.title = replacing ? out_.body : l.text();
      return;
    }
    if (!dates.empty() && !out_.date) out_.date = dates.front().date;
    if (!out_.start) read_times(l.text());
    // A short standalone line after a known attendance heading style: a group.
    if (is_side_word(l.low()) || looks_like_person(l.text()) || l.text().find(',') != npos || l.text().find('\t') != npos) {
      // Attendees listed without a label ("Region" then names).
      mode_ = Mode::attendance;
      attendance_status_ = AttendanceStatus::present;
      attendance_roles_.clear();
      attendance_items_.clear();
      attendance_line(true);
      return;
    }
    if (current_ == std::nullopt && !l.heading && l.text().size() > 80) {
      // Prose before any item: keep it as the record's preamble.
      if (!preamble_.empty()) preamble_ += ' ';
      preamble_ += l.text();
      scan_meeting_level(l.text());
      return;
    }
    if (out_.title.find(l.text()) == npos && !l.text().empty()) out_.extensions.emplace("source.subtitle", l.text());
  }

  // A line that goes on with a name begun on the line before: it opens with
  // a conjunction or preposition, or the name before ends in one.
  static bool continues_name(std::string_view low_body, std::string_view low_next) {
    constexpr std::string_view joins[] = {"och", "samt", "för", "i", "inom", "med", "av", "om", "kring"};
    const auto ws = words(low_next);
    if (ws.empty() || ws.size() > 10) return false;
    const auto body_words = words(low_body);
    if (body_words.empty()) return false;
    const std::string_view first = strip_punct(ws.front());
    const std::string_view last = strip_punct(body_words.back());
    for (std::string_view j : joins)
      if (first == j || last == j) return true;
    return false;
  }

  // "Karlstads kommun · Socialnämnden", "Region X | Protokoll": the parts of
  // a letterhead written on one line with a middle dot or a bar.
  static std::vector<std::string> split_on_marks(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t k = 0; k <= text.size(); ++k) {
      std::size_t mark = 0;
      if (k == text.size()) mark = 0;
      else if (text.compare(k, 2, "\xC2\xB7") == 0) mark = 2;
      else if (text[k] == '|') mark = 1;
      else continue;
      const std::string_view part = trim(text.substr(start, k - start));
      if (!part.empty()) out.emplace_back(part);
      if (k == text.size()) break;
      start = k + mark;
      k += mark - 1;
    }
    return out;
  }

  void take_body(std::string text) {
    text = std::string(strip_punct(text));
    // "Styrelsen, sammanträde nr 6/2026": which meeting of the body, kept
    // in the title but not in its name.
    const std::string title = text;
    const std::string low = lower(text);
    for (std::string_view tail : {", sammanträde", ", möte ", ", mötet ", " sammanträde nr", ", nr "})
      if (const std::size_t at = low.find(tail); at != npos && at > 0) {
        text = std::string(strip_punct(std::string_view(text).substr(0, at)));
        break;
      }
    if (text.empty()) return;
    out_.body = text;
    if (out_.title.empty()) out_.title = title;
  }

  void read_times(std::string_view text, bool bare_hours = false) {
    if (out_.start) return;
    if (auto t = find_times(text, bare_hours)) {
      out_.start = t->start;
      out_.end = t->end;
    }
  }

  // "Fysiskt, lokal Godståget, Göteborg" / "Teams" / "Digitalt via Zoom"
  void read_form_place(std::string_view value, bool place_expected) {
    // "Ronneby Brunn, konferensrum Kilen, Ronneby. Två ledamöter deltog på
    // distans via Teams.": the place, then a sentence on who joined from
    // afar, which makes the meeting hybrid.
    if (const auto parts = sentences(value); parts.size() > 1) {
      const std::string_view first = value.substr(parts[0].first, parts[0].second - parts[0].first);
      const std::string rest = lower(value.substr(parts[1].first));
      read_form_place(strip_punct(first), place_expected);
      const bool remote = rest.find("distans") != npos || rest.find("teams") != npos || rest.find("digitalt") != npos ||
                          rest.find("zoom") != npos || rest.find("skype") != npos || rest.find("uppkopplad") != npos;
      if (remote && !out_.place.empty() &&
          (out_.form == MeetingForm::unknown || out_.form == MeetingForm::physical))
        out_.form = MeetingForm::hybrid;
      return;
    }
    const std::string low = lower(value);
    struct F {
      std::string_view word;
      MeetingForm form;
    };
    constexpr F forms[] = {
        {"hybridmöte", MeetingForm::hybrid}, {"hybrid", MeetingForm::hybrid},
        {"fysiskt och digitalt", MeetingForm::hybrid}, {"fysiskt och via teams", MeetingForm::hybrid},
        {"microsoft teams", MeetingForm::teams}, {"teamsmöte", MeetingForm::teams}, {"via teams", MeetingForm::teams},
        {"teams", MeetingForm::teams}, {"digitalt möte", MeetingForm::digital}, {"digitalt", MeetingForm::digital},
        {"digital", MeetingForm::digital}, {"videomöte", MeetingForm::digital}, {"zoom", MeetingForm::digital},
        {"skype", MeetingForm::digital}, {"distans", MeetingForm::digital}, {"fysiskt möte", MeetingForm::physical},
        {"fysiskt", MeetingForm::physical}, {"fysisk", MeetingForm::physical}, {"på plats", MeetingForm::physical},
    };
    // "Fysiskt möte med möjlighet att delta via Teams", "På plats och
    // digitalt för den som önskar": in the room and from afar, in any words.
    {
      bool physical = false;
      bool remote = false;
      for (std::string_view w : {"fysiskt", "fysisk", "på plats"}) physical = physical || find_word(low, w) != npos;
      for (std::string_view w : {"teams", "digitalt", "digital", "distans", "zoom", "skype", "videolänk", "webex",
                                 "uppkopplad", "uppkopplade", "länk"})
        remote = remote || find_word(low, w) != npos;
      if (physical && remote) {
        out_.form = MeetingForm::hybrid;
        if (low.starts_with("fysisk") || low.starts_with("på plats")) return;
      }
    }
    std::string place(value);
    const auto after_form = [&](std::size_t length) {
      std::string_view rest = std::string_view(value).substr(length);
      rest = trim(rest);
      // "Digitalt/Digital (Zoom)": the form said again in English after a slash.
      for (std::string_view dash : {"\xE2\x80\x93", "\xE2\x80\x94", "-", ",", ":", "/"})
        if (rest.substr(0, dash.size()) == dash) rest = trim(rest.substr(dash.size()));
      return std::string(strip_punct(rest));
    };
    for (const auto& f : forms) {
      const std::size_t at = find_word(low, f.word);
      if (at == npos) continue;
      if (out_.form == MeetingForm::unknown || f.form == MeetingForm::hybrid) out_.form = f.form;
      if (at == 0) place = after_form(f.word.size());
      break;
    }
    // "Regionens hus, Vänersborg, och Teams": the form said again at the end.
    for (std::string_view tail : {" och teams", " samt teams", " och via teams", " + teams", " och digitalt",
                                  " samt digitalt", " och på distans"}) {
      const std::string lowered = lower(place);
      if (lowered.size() > tail.size() && lowered.compare(lowered.size() - tail.size(), tail.size(), tail) == 0) {
        place = std::string(strip_punct(std::string_view(place).substr(0, place.size() - tail.size())));
        if (out_.form == MeetingForm::physical || out_.form == MeetingForm::unknown) out_.form = MeetingForm::hybrid;
      }
    }
    const std::string lp = lower(place);
    for (std::string_view prefix : {"lokal ", "i lokal ", "plats: "})
      if (lp.compare(0, prefix.size(), prefix) == 0) place = place.substr(prefix.size());
    place = std::string(strip_punct(place));
    // "Digitalt via Teams" says how, not where: nothing is left for a place.
    {
      bool only_form = true;
      const std::string lowered_place = lower(place);
      for (const auto w : words(lowered_place)) {
        std::string_view word = strip_punct(w);
        while (!word.empty() && (word.front() == '(' || word.front() == '/')) word.remove_prefix(1);
        if (word.empty()) continue;
        bool form_word = false;
        for (const auto& f : forms) form_word = form_word || f.word == word;
        for (std::string_view joiner : {"via", "och", "samt", "möte", "mötet", "på", "i", "plats", "med", "\xE2\x80\x93"})
          form_word = form_word || word == joiner;
        only_form = only_form && form_word;
      }
      if (only_form) place.clear();
    }
    if (!place.empty() && (place_expected || out_.place.empty()) && out_.place.empty()) out_.place = place;
  }

  // ---- labels ----

  bool handle_label(const Label& label) {
    const Line& l = line();
    // A new label ends a list of decisions, unless it opens another one.
    if (decision_block_ && label.kind != L::decision && label.kind != L::position && label.kind != L::proposal &&
        label.kind != L::none)
      close_decision_block();
    switch (label.kind) {
      case L::date: {
        if (mode_ == Mode::items || mode_ == Mode::closing) return false;  // "Datum" of an appended memo
        if (label.value.empty()) {
          pending_value_ = L::date;
          return true;
        }
        set_date_from(label.value, l);
        return true;
      }
      case L::time:
        if (mode_ != Mode::header && mode_ != Mode::attendance) return false;
        if (label.value.empty()) {
          pending_value_ = L::time;
          return true;
        }
        if (auto t = find_times(label.value, true)) {
          out_.start = t->start;
          out_.end = t->end;
        } else {
          warn_here("the time could not be read");
        }
        return true;
      case L::date_time: {
        if (mode_ != Mode::header && mode_ != Mode::attendance) return false;
        if (label.value.empty()) {
          pending_value_ = L::date_time;
          return true;
        }
        read_date_time_place(header_value_continued(label.raw.empty() ? label.value : label.raw), l);
        return true;
      }
      case L::place:
      case L::form:
      case L::place_form:
        if (mode_ != Mode::header && mode_ != Mode::attendance) return false;
        if (label.value.empty()) {
          pending_value_ = label.kind;
          return true;
        }
        read_form_place(strip_punct(header_value_continued(label.raw.empty() ? label.value : label.raw)),
                        label.kind != L::form);
        return true;
      case L::present:
      case L::invited:
      case L::absent:
      case L::excused:
      case L::substitutes:
      case L::coopted:
      case L::guests:
        if (mode_ == Mode::items && current_ && !label.colon && !l.heading) return false;
        if (!label.value.empty() && label.colon) {
          begin_attendance(with_continued_list(label));
          return true;
        }
        begin_attendance(label);
        return true;
      case L::chair:
      case L::vice_chair:
      case L::secretary:
        if (label.value.empty() && !label.colon && !l.heading && mode_ == Mode::items) return false;
        if (label.value.empty()) {
          pending_value_ = label.kind;
          return true;
        }
        // "Ordförande<tab>Britt Lindqvist (S), Piteå kommun" in a list of
        // those present: the chair is an attendee with party and organisation.
        if (mode_ == Mode::attendance) {
          const std::string bare = strip_parens(label.value);
          if (const std::size_t comma = bare.find(',');
              comma != npos && looks_like_person(trim(std::string_view(bare).substr(0, comma)))) {
            if (auto a = read_attendee(label.value)) {
              add_role(*a, label.kind == L::chair        ? MeetingRole::chair
                           : label.kind == L::vice_chair ? MeetingRole::vice_chair
                                                         : MeetingRole::secretary);
              flush_pending_people();
              add_attendee(std::move(*a));
              return true;
            }
          }
        }
        add_role_names(label.kind, label.value);
        return true;
      case L::writer:
      case L::adjusters:
      case L::adjusted:
      case L::certifier:
        return closing_label(label);
      case L::presenter:
        if (!current_) return false;
        // "Föredragande: Anna Berg, Region Östergötland": the organisation
        // after a name belongs to the name, not to the presenters.
        for (const auto& name : split_list(label.value)) {
          const std::string bare = strip_parens(name);
          if (!current_->presenters.empty() && !looks_like_person(bare) && looks_like_organisation(bare)) {
            // "Henrik Carlsson, Norrköpings kommun": the organisation of a
            // co-opted member the attendance list gave none.
            if (auto* known = find_attendee(current_->presenters.back()); known && known->organisation.empty())
              known->organisation = bare;
            continue;
          }
          current_->presenters.push_back(bare);
        }
        touch_item();
        return true;
      case L::purpose:
        if (!current_) return false;
        current_->purposes = read_purposes(lower(label.value));
        touch_item();
        return true;
      case L::decision:
      case L::position:
      case L::proposal: {
        if (!current_) return false;
        // "Ställningstagande" alone right after the title says what the item is for.
        if (label.value.empty() && lines_since_title_ <= 1 && label.kind != L::proposal &&
            !decision_follows(i_)) {
          const auto purposes = read_purposes(l.low());
          if (!purposes.empty()) {
            current_->purposes = purposes;
            touch_item();
            return true;
          }
        }
        open_decision_block(label);
        touch_item();
        return true;
      }
      case L::attachments:
      case L::sent_to:
        if (!current_) return false;
        list_target_ = label.kind;
        if (!label.value.empty()) {
          for (const auto& v : label.kind == L::attachments ? std::vector<std::string>{label.value} : split_list(label.value))
            (label.kind == L::attachments ? current_->attachments : current_->sent_to).push_back(v);
        }
        touch_item();
        return true;
      case L::case_number:
        if (!current_) {
          // "Diarienummer" over "RS-2026-0019": the value on the next line.
          if (label.value.empty()) pending_value_ = L::case_number;
          else out_.extensions["source.case_number"] = label.value;
          return true;
        }
        current_->case_number = std::string(case_number_value(label.value));
        touch_item();
        return true;
      case L::escalations: {
        if (!current_) return false;
        // "Eskaleringsfrågor till den politiska referensgruppen:" then a list.
        std::string to;
        const std::size_t at = find_word(l.low(), "till");
        if (at != npos) {
          std::string_view rest = std::string_view(l.text()).substr(at + 4);
          const std::size_t colon = rest.find(':');
          to = body_name(colon == npos ? rest : rest.substr(0, colon));
        }
        escalation_to_ = to;
        list_target_ = L::escalations;
        const std::size_t colon = l.text().find(':');
        if (colon != npos && colon + 1 < l.text().size()) {
          const auto what = strip_punct(std::string_view(l.text()).substr(colon + 1));
          if (!what.empty()) current_->escalations.push_back({std::string(what), escalation_to_, here()});
        }
        touch_item();
        return true;
      }
      case L::next_meeting: {
        const auto dates = dates_in(l);
        if (!dates.empty()) {
          set_next_meeting(dates.front().date);
        } else {
          pending_value_ = L::next_meeting;
        }
        if (current_) {
          append_text(l.text());
          touch_item();
          // The next meeting's date is the item's own only under "Nästa möte".
          if (lower(current_->title).find("nästa möte") != npos) collect_amounts_dates(*current_, l);
        }
        return true;
      }
      case L::agenda:
        if (mode_ == Mode::items && current_ && !l.heading && !label.colon) return false;
        if (mode_ == Mode::closing || mode_ == Mode::annex) return false;
        flush_pending_people();
        agenda_seen_ = true;
        if (mode_ == Mode::attendance) mode_ = Mode::header;
        return true;
      case L::section:
        if (!current_) return false;
        close_decision_block();
        list_target_ = L::none;
        touch_item();
        if (!label.value.empty()) append_text(label.value);
        return true;
      case L::assignment:
        if (!current_ || !label.colon) return false;
        assignment_line(label.value);
        touch_item();
        return true;
      case L::responsible:
        if (!current_ || !label.colon || label.value.empty()) return false;
        responsible_line(label.raw.empty() ? label.value : label.raw);  // raw: keeps the full stop
        touch_item();
        return true;
      case L::ignored:
        // "Paragrafer" over "§ 101–107": the value below is no item.
        if (label.value.empty() && (mode_ == Mode::header || mode_ == Mode::attendance)) pending_value_ = L::ignored;
        return mode_ == Mode::header || mode_ == Mode::attendance;
      case L::signatures:
        // The signature block of a protocol's front page: "Underskrifter
        // Sekreterare ____" and the name under each line, for names already
        // met; the role each signs in is the one written beside the line.
        flush_pending_people();
        if (mode_ == Mode::attendance) mode_ = Mode::header;
        if (mode_ == Mode::header) {
          front_signatures_ = true;
          front_signature_roles_.clear();
          front_signed_ = L::none;
          front_signature_row(label.value);
        }
        return true;
      case L::kind:
      case L::body:
      case L::none:
        return false;
    }
    return false;
  }

  bool decision_follows(std::size_t at) const {
    const std::size_t n = next_content(at);
    if (n == npos) return false;
    return lines_[n].bullet || states_decision(lines_[n].low()) || lines_[n].low().find("beslutar") != npos;
  }

  void set_date_from(std::string_view value, const Line& l) {
    const auto dates = dates_in(value);
    if (dates.empty()) {
      warn(l.first, "the date could not be read", l.text());
      return;
    }
    if (!out_.date) out_.date = dates.front().date;
    read_times(value);
  }

  // "Torsdag 10 mars 2022 kl. 08.30-12.05, Teams" / "Regionens hus, Linköping, kl. 13.00–16.10":
  // what is left when the date and the time are taken out is the place or form.
  void read_date_time_place(std::string_view value, const Line& l) {
    const auto dates = dates_in(value);
    if (!dates.empty() && !out_.date) out_.date = dates.front().date;
    const auto times = find_times(value);
    if (times && !out_.start) {
      out_.start = times->start;
      out_.end = times->end;
    }
    if (dates.empty() && !times) warn(l.first, "neither a date nor a time could be read", l.text());
    std::string rest(value);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (const auto& d : dates) spans.emplace_back(d.begin, d.end);
    if (times) spans.emplace_back(times->begin, times->stop);
    std::sort(spans.begin(), spans.end());
    for (auto it = spans.rbegin(); it != spans.rend(); ++it)
      if (it->first < it->second && it->second <= rest.size()) rest.replace(it->first, it->second - it->first, ",");
    std::string place;
    bool online_too = false;
    for (const auto& whole : split_list_commas(rest)) {
      // What the date and time left of their phrase: "tisdag den", "kl.", a
      // leading "i" ("i Rådhuset"); "Ajournering kl. 10.05–10.20" is no place.
      std::string part;
      {
        const auto ws = words(whole);
        for (std::size_t k = 0; k < ws.size(); ++k) {
          const std::string lw = lower(strip_punct(ws[k]));
          bool skip = lw == "kl" || lw == "klockan" || lw == "den" || (part.empty() && (lw == "i" || lw == "på"));
          for (std::string_view day : {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
                                       "måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen",
                                       "söndagen"})
            skip = skip || lw == day;
          if (!skip) part += (part.empty() ? "" : " ") + std::string(ws[k]);
        }
      }
      const std::string lp = lower(part);
      if (lp.empty() || lp == "kl." || lp.starts_with("ajournering") || lp.starts_with("paus")) continue;
      // "Kulturens hus, Luleå, samt digitalt via Teams": the place, and online too.
      if (lp.starts_with("samt ") || lp.starts_with("och ") || lp.starts_with("+ ")) {
        const std::string_view how = std::string_view(lp).substr(lp.find(' ') + 1);
        if (how.starts_with("digital") || how.starts_with("via ") || how.starts_with("teams") ||
            how.starts_with("på distans") || how.starts_with("distans") || how.starts_with("zoom")) {
          online_too = true;
          continue;
        }
      }
      place += (place.empty() ? "" : ", ") + part;
    }
    if (!place.empty()) read_form_place(place, true);
    if (online_too && !out_.place.empty()) out_.form = MeetingForm::hybrid;
  }

  static std::vector<std::string> split_list_commas(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t comma = text.find(',', start);
      if (comma == npos) comma = text.size();
      const auto part = strip_punct(text.substr(start, comma - start));
      if (!part.empty()) out.emplace_back(part);
      start = comma + 1;
    }
    return out;
  }

  void set_next_meeting(const Date& d) {
    if (out_.next_meeting) return;
    if (out_.date && d <= *out_.date) return;
    out_.next_meeting = d;
  }

  // "Tid och plats: tisdag den 8 oktober 2024" / "kl. 13.00–16.00,
  // Regionhuset, sal Runn," / "Falun (fysiskt möte)": a header value broken
  // over lines goes on while it ends in a comma or the next line starts in
  // lower case or with "kl.", and no label, blank or table row comes between.
  std::string header_value_continued(std::string_view value) {
    std::string out(trim(value));
    std::size_t last = i_;
    for (std::size_t n = i_ + 1; n < lines_.size() && n <= i_ + 3; ++n) {
      const Line& next = lines_[n];
      if (next.blank() || next.rule || next.heading || next.text().find('\t') != npos) break;
      if (read_label(next).kind != L::none || paragraph_number(next) || numbered_item(next)) break;
      const bool open_end = !out.empty() && out.back() == ',';
      const bool goes_on = starts_lower(next.text()) || starts_with_word(next.low(), "kl");
      if (!open_end && !goes_on) break;
      if (next.text().size() > 80 || (ends_sentence(next.text()) && words(next.text()).size() > 8)) break;
      out += " " + std::string(next.text());
      last = n;
    }
    if (last != i_) {
      skip_until_ = last;
      skip_set_ = true;
    }
    return out;
  }

  bool take_pending_value() {
    const L kind = pending_value_;
    pending_value_ = L::none;
    const Line& l = line();
    if (read_label(l).kind != L::none && kind != L::next_meeting) return false;
    switch (kind) {
      case L::date:
        if (dates_in(l).empty()) return false;
        if (mode_ == Mode::header || mode_ == Mode::attendance) set_date_from(l.text(), l);
        return true;
      case L::time:
        read_times(l.text(), true);
        return true;
      case L::date_time:
        read_date_time_place(l.text(), l);
        return true;
      case L::place:
      case L::form:
      case L::place_form:
        read_form_place(l.text(), kind != L::form);
        return true;
      case L::chair:
      case L::vice_chair:
      case L::secretary:
      case L::writer:
      case L::adjusters:
        if (!looks_like_person(strip_parens(l.text()))) return false;
        add_role_names(kind, l.text());
        // Adjusters are often listed one per line.
        if (kind == L::adjusters) pending_value_ = L::adjusters;
        return true;
      case L::case_number: {
        const std::string_view value = case_number_value(strip_punct(l.text()));
        if (value.empty() || l.text().size() > 40) return false;
        out_.extensions["source.case_number"] = std::string(value);
        return true;
      }
      case L::adjusted: {
        const auto dates = dates_in(l);
        if (dates.empty() || l.text().size() > 80) return false;
        if (!out_.adjusted_on) out_.adjusted_on = dates.front().date;
        out_.extensions["source.adjustment"] = std::string(l.text());
        return true;
      }
      case L::ignored:
        // Only what such a label names: "§ 101–107", "45–58".
        return l.text().size() <= 30 && !item_numbers(lower(l.text())).empty() &&
               l.text().find_first_of("0123456789") != npos;
      case L::next_meeting: {
        const auto dates = dates_in(l);
        if (dates.empty()) return false;
        set_next_meeting(dates.front().date);
        if (current_) {
          append_text(l.text());
          touch_item();
          // The next meeting's date is the item's own only under "Nästa möte".
          if (lower(current_->title).find("nästa möte") != npos) collect_amounts_dates(*current_, l);
        }
        return true;
      }
      default:
        return false;
    }
  }

  // ---- attendance ----

  // "Beslutande: Anna Berg (S), ordförande, Per Ek (M),\n1:e vice ordförande,
  // Lisa\nHolm (C)": a list after a label broken over lines is one list. The
  // lines that go on from it are joined to its value and skipped.
  // Two lines that each hold one "Name, title" entry (at most one comma, a
  // person's name before it).
  static bool one_entry_a_line(std::string_view first, std::string_view next) {
    const auto entry = [](std::string_view t) {
      const std::size_t comma = t.find(',');
      return comma != npos && t.find(',', comma + 1) == npos && looks_like_person(trim(t.substr(0, comma)));
    };
    return entry(first) && entry(next);
  }

  Label with_continued_list(Label label) {
    std::string raw = label.raw.empty() ? label.value : label.raw;
    std::size_t last = i_;
    for (std::size_t n = i_ + 1; n < lines_.size() && n <= i_ + 12; ++n) {
      const Line& next = lines_[n];
      // An indented line is the value column of a protocol's front page: one
      // attendee a line, read as such.
      if (next.blank() || next.bullet || next.heading || next.indent > 0 || next.text().find('\t') != npos) break;
      const bool open_end = !raw.empty() && (raw.back() == ',' || raw.back() == '-');
      // "Teresia Blomqvist (Storsthlm)," over "sekreterare": a role word
      // after a comma goes on with the entry, though it is also a label.
      const bool role_after_comma = open_end && words(next.text()).size() <= 3 &&
                                    role_word(lower(strip_punct(next.text()))).has_value();
      if (!role_after_comma && (read_label(next).kind != L::none || qualified_list_label(next).kind != L::none))
        break;
      if (paragraph_number(next) || numbered_item(next)) break;
      const bool goes_on = starts_lower(next.text()) || next.text()[0] == '(' || next.text()[0] == ',';
      const bool listing = raw.find(',') != npos && raw.back() != '.' &&
                           (next.text().find(',') != npos || next.text().find('(') != npos || words(next.text()).size() <= 3);
      if (!open_end && !goes_on && !listing) break;
      if (ends_sentence(next.text()) && words(next.text()).size() > 8) break;
      // "Övriga deltagande: Marie Sundqvist, förvaltningschef" over "Jonas
      // Eklund, nämndsekreterare": one "name, title" entry a line, each line
      // read on its own in attendance mode.
      if (last == i_ && !open_end && one_entry_a_line(raw, next.text())) break;
      raw += (raw.back() == '-' ? "" : " ") + std::string(next.text());
      last = n;
    }
    if (last == i_) return label;
    skip_until_ = last;
    skip_set_ = true;
    label.raw = raw;
    label.value = std::string(strip_punct(raw));
    return label;
  }

  void begin_attendance(const Label& label) {
    flush_pending_people();
    mode_ = Mode::attendance;
    in_invited_list_ = false;
    // A list of those present ("Närvarande", "Deltagare"), not of officials
    // or substitutes beside the called.
    if (label.kind == L::present) {
      const std::string_view low = line().low();
      for (std::string_view w : {"närvarande:", "närvarande\t", "deltagare", "mötesdeltagare", "deltog", "närvarolista"})
        if (low.starts_with(w) || low == "närvarande") present_list_seen_ = true;
    }
    attendance_status_ = AttendanceStatus::present;
    attendance_roles_.clear();
    attendance_items_.clear();
    attendance_note_.clear();
    attendance_marks_absence_ = false;
    group_.clear();
    group_org_.clear();
    column_groups_.clear();
    switch (label.kind) {
      case L::absent:
        attendance_status_ = AttendanceStatus::absent;
        attendance_marks_absence_ = true;
        break;
      case L::excused:
        attendance_status_ = AttendanceStatus::excused;
        attendance_marks_absence_ = true;
        break;
      case L::substitutes:
        attendance_note_ = "ersättare";
        break;
      case L::coopted: {
        attendance_roles_.push_back(MeetingRole::coopted);
        // "Adjungerad punkt 4:", "Adjungerade under §§ 12–13:": the items
        // they took part in, between the label word and the colon.
        const std::string_view low = line().low();
        const std::size_t colon = low.find(':');
        const std::size_t space = low.find(' ');
        if (colon != npos && space != npos && space < colon) {
          const std::string_view qualifier = low.substr(space + 1, colon - space - 1);
          std::size_t at = npos;
          for (std::string_view w : {"punkt", "\xC2\xA7", "ärende", "p."})
            at = std::min(at, find_word(qualifier, w));
          if (at != npos && qualifier.find_first_of("0123456789") != npos)
            for (auto& n : item_numbers(qualifier.substr(at))) attendance_items_.push_back(numbered_like_items(n));
        }
        break;
      }
      case L::guests:
        attendance_roles_.push_back(MeetingRole::guest);
        break;
      case L::invited:
        // The record's convention: a list of those called, with absence
        // marked on the names; unmarked names took part.
        attendance_note_ = "";
        invited_list_ = true;
        in_invited_list_ = true;
        break;
      default:
        break;
    }
    // "Deltagare (☒ = närvarande ☐ = frånvarande F = anmält förhinder)":
    // the legend of the marks before each name, not a name.
    if (read_mark_legend(label.value)) return;
    if (const std::size_t open = line().text().find('('); open != npos && line().text().find('=', open) != npos)
      if (read_mark_legend(std::string_view(line().text()).substr(open)) && label.value.find('=') != npos) return;
    const std::string low = lower(label.value);
    if (label.value.empty() || low == "se lista" || low == "se nedan" || low == "enligt bilaga" ||
        low == "se bilaga" || low == "enligt lista" || low == "enligt närvarolista")
      return;
    // "Kallade: Anna Berg, VGR (ordförande); Lars Hedin, VästKom": entries
    // separated by semicolons, each one attendee line.
    if (label.value.find(';') != npos) {
      std::string part;
      for (std::size_t k = 0; k <= label.value.size(); ++k) {
        if (k == label.value.size() || label.value[k] == ';') {
          if (auto a = read_attendee(strip_punct(part))) add_attendee(std::move(*a));
          else if (!strip_punct(part).empty()) warn_here("not read as an attendee: " + std::string(strip_punct(part)));
          part.clear();
        } else {
          part += label.value[k];
        }
      }
      return;
    }
    // "Beslutande: Ulf Strandberg, ordförande": one attendee.
    if (auto a = read_attendee(label.value)) {
      add_attendee(std::move(*a));
      return;
    }
    // "Närvarande: Anna Berg, Region X, Per Ek" or "Frånvarande: A, B, C"
    inline_list(label.value);
  }

  // The parts of an inline list; "Eva Holm (5) Omar Said (5) Lars Ek (7)",
  // with no comma between, is cut at its marks.
  static std::vector<std::string> list_parts(std::string_view value) {
    auto parts = split_list(value);
    std::vector<std::string> out;
    for (auto& part : parts) {
      auto marked = split_at_marks(part);
      if (marked.size() >= 2) {
        for (auto& m : marked) out.push_back(std::move(m));
      } else {
        out.push_back(std::move(part));
      }
    }
    return out;
  }

  // "regionutvecklare vid Västra Götalandsregionen": the title, and where
  // the person works when the attendee has no organisation yet.
  static void take_title(ParsedAttendee& a, const std::string& text) {
    a.title = text;
    const std::string low = lower(text);
    for (std::string_view at_word : {" vid ", " på ", " inom "}) {
      const std::size_t at = low.find(at_word);
      if (at == npos || at == 0) continue;
      const std::string where(strip_punct(std::string_view(text).substr(at + at_word.size())));
      if (starts_upper(where) && looks_like_organisation(where)) {
        a.title = std::string(trim(std::string_view(text).substr(0, at)));
        if (a.organisation.empty()) a.organisation = where;
      }
      break;
    }
  }

  void inline_list(std::string_view value) {
    ParsedAttendee* previous = nullptr;
    for (const auto& part : list_parts(value)) {
      // "Emelie Carlsson (enhetschef, Emmaboda kommun) ersätter Jessica Brandt".
      {
        const std::string low = lower(part);
        std::size_t at = npos;
        std::size_t len = 0;
        for (std::string_view w : {" ersätter ", " tjänstgör för ", " i stället för "})
          if (const std::size_t f = low.find(w); f != npos) {
            at = f;
            len = w.size();
            break;
          }
        if (at != npos) {
          const std::string left = part.substr(0, at);
          const std::string member(strip_punct(trim(std::string_view(part).substr(at + len))));
          if (looks_like_person(strip_parens(left)) && looks_like_person(member)) {
            if (auto a = read_attendee(left)) {
              a->substitute_for = member;
              previous = add_attendee(std::move(*a));
              continue;
            }
          }
        }
      }
      const std::string bare = strip_parens(part);
      if (looks_like_person(bare)) {
        if (auto a = read_attendee(part)) previous = add_attendee(std::move(*a));
        continue;
      }
      // "förvaltningschef omsorgsförvaltningen", "regionutvecklare vid
      // Västra Götalandsregionen": a title, though it names a place of work.
      // "..., sekreterare": a role of the meeting before a job of the same name.
      if (previous && starts_lower(bare)) {
        if (const auto role = role_word(lower(bare)); role && *role != MeetingRole::member) {
          add_role(*previous, *role);
          continue;
        }
      }
      if (previous && previous->title.empty() && starts_lower(bare) && !words(bare).empty() &&
          is_job_title_word(lower(words(bare).front()))) {
        take_title(*previous, bare);
        continue;
      }
      if (previous && previous->organisation.empty() && looks_like_organisation(bare)) {
        previous->organisation = bare;
        // "VästKom (sekreterare)": the marks belong to the person.
        for (const auto& mark : marks_of(part)) read_mark(*previous, mark);
        continue;
      }
      if (previous) {
        const std::string low = lower(bare);
        // "..., som förde anteckningarna", "..., som hade anmält förhinder":
        // a relative clause about the person before it.
        if (low.starts_with("som ")) {
          if (low.find("förde anteckningar") != npos || low.find("förde protokoll") != npos ||
              low.find("för anteckningar") != npos || low.find("för protokoll") != npos) {
            add_role(*previous, MeetingRole::record_writer);
            if (out_.writer.empty()) out_.writer = previous->name;
          } else if (const std::size_t instead = std::min(low.find("i stället för "), low.find("istället för "));
                     instead != npos) {
            // "som tjänstgjorde i stället för Malin Åkesson (S)"
            const std::size_t name_at = low.find("för ", instead) + 4;
            previous->substitute_for = strip_parens(trim(std::string_view(bare).substr(name_at)));
          } else if (low.find("förhinder") != npos || low.find("förhindrad") != npos) {
            previous->status = AttendanceStatus::excused;
          } else if (low.find("frånvarande") != npos) {
            previous->status = AttendanceStatus::absent;
          } else {
            append_note(*previous, bare);
          }
          continue;
        }
        if (auto r = role_word(low)) {
          if (*r != MeetingRole::member) add_role(*previous, *r);
          continue;
        }
        if (auto st = status_word(low)) {
          previous->status = *st;
          continue;
        }
        // "Karin Sjöholm, förvaltningschef, Johan Sparre, nämndsekreterare":
        // a title after a name belongs to it and names no one.
        if (starts_lower(bare) && words(bare).size() <= 6) {
          if (const std::string_view sub = substitute_phrase(low); !sub.empty()) {
            if (previous->substitute_for.empty())
              previous->substitute_for = std::string(strip_punct(std::string_view(bare).substr(bare.size() - sub.size())));
          } else if (previous->title.empty()) {
            take_title(*previous, bare);
          } else {
            append_note(*previous, bare);
          }
          continue;
        }
      }
      // A first name alone in an absence list ("Frånvarande: Kristina") names someone listed.
      if (attendance_marks_absence_ && words(bare).size() == 1) {
        if (auto* known = find_attendee_by_first_name(bare)) {
          known->status = attendance_status_;
          continue;
        }
      }
      warn_here("not read as a person's name in the list: " + part);
    }
  }

  static std::vector<std::string> marks_of(std::string_view text) {
    std::vector<std::string> out;
    int depth = 0;
    std::string mark;
    for (char c : text) {
      if (c == '(') {
        if (depth++ == 0) mark.clear();
        else mark += c;
      } else if (c == ')' && depth > 0) {
        if (--depth == 0) out.emplace_back(trim(mark));
        else mark += c;
      } else if (depth > 0) {
        mark += c;
      }
    }
    return out;
  }

  static std::string strip_parens(std::string_view text) {
    std::string out;
    int depth = 0;
    for (char c : text) {
      if (c == '(') ++depth;
      else if (c == ')' && depth > 0) --depth;
      else if (depth == 0) out += c;
    }
    return std::string(strip_punct(out));
  }

  // One attendee line: "Name", "Name, Organisation", "Name\tOrganisation",
  // "Name, title, Organisation", "Name – Organisation", with parenthesised
  // marks: "(förhinder)", "(ordförande)", "(5, 7)", "(ersätter Göran Matejka)".
  std::optional<ParsedAttendee> read_attendee(std::string_view text) const {
    ParsedAttendee a;
    a.status = attendance_status_;
    a.roles = attendance_roles_;
    a.coopted_for_items = attendance_items_;
    a.note = attendance_note_;
    a.provenance = here();
    std::string rest;
    std::vector<std::string> marks;
    {
      int depth = 0;
      std::string mark;
      for (char c : text) {
        if (c == '(') {
          if (depth++ == 0) {
            mark.clear();
            continue;
          }
        } else if (c == ')' && depth > 0) {
          if (--depth == 0) {
            marks.push_back(std::string(trim(mark)));
            continue;
          }
        }
        (depth > 0 ? mark : rest) += c;
      }
      if (depth > 0) rest += "(" + mark;  // unbalanced: keep the text
    }
    // "Ove Brandt (S) för Jessica Ek (S)", "Ove Brandt ersätter Jessica Ek,
    // Region X": the serving substitute and the member stood in for.
    {
      const std::string low_rest = lower(rest);
      for (std::string_view w : {" tjänstgör för ", " i stället för ", " istället för ", " ersättare för ",
                                 " ersätter ", " för "}) {
        const std::size_t at = low_rest.find(w);
        if (at == npos) continue;
        const std::string left(trim(std::string_view(rest).substr(0, at)));
        std::string_view right = std::string_view(rest).substr(at + w.size());
        std::size_t stop = right.find_first_of(",\t;");
        if (stop == npos) stop = right.size();
        const std::string member(strip_punct(trim(right.substr(0, stop))));
        if (!looks_like_person(left) || !looks_like_person(member)) continue;
        a.substitute_for = member;
        rest = left + std::string(right.substr(stop));
        break;
      }
    }
    std::vector<std::string> parts;
    if (rest.find('\t') != npos) {
      for (auto& c : cells(rest))
        if (!c.empty()) parts.push_back(c);
    } else {
      // " – " and " - " separate like commas.
      std::string normalised;
      for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest.compare(i, 5, " \xE2\x80\x93 ") == 0) {
          normalised += ',';
          i += 4;
        } else if (rest.compare(i, 3, " - ") == 0) {
          normalised += ',';
          i += 2;
        } else {
          normalised += rest[i];
        }
      }
      std::string part;
      for (char c : normalised) {
        if (c == ',' || c == ';') {
          parts.emplace_back(trim(strip_punct(part)));
          part.clear();
        } else {
          part += c;
        }
      }
      parts.emplace_back(trim(strip_punct(part)));
      parts.erase(std::remove_if(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); }),
                  parts.end());
    }
    // "Tord Hansson (C), Arvidsjaurs kommun, för" / "Maj Öhman (S), ...": the
    // member stood in for is on the next line.
    if (parts.size() >= 2) {
      const std::string last = lower(parts.back());
      if (last == "för" || last == "ersätter" || last == "tjänstgör för" || last == "ersättare för" ||
          last == "i stället för") {
        parts.pop_back();
        a.substitute_for = std::string(kSubstituteFollows);
      }
    }
    // "Birgitta Olsson (S) ordförande", "Niklas Ström (M) 1:e vice
    // ordförande": with the party mark taken out, the role follows the name
    // without a comma.
    if (parts.size() == 1 && !marks.empty() && rest.find_first_of(",\t") == npos && !looks_like_person(parts[0])) {
      const auto ws = words(parts[0]);
      for (std::size_t w = 2; w < ws.size() && w <= 4; ++w) {
        if (starts_upper(ws[w])) continue;
        const std::size_t cut = static_cast<std::size_t>(ws[w].data() - parts[0].data());
        const std::string name(trim(std::string_view(parts[0]).substr(0, cut)));
        const std::string tail(trim(std::string_view(parts[0]).substr(cut)));
        if (looks_like_person(name) && role_word(lower(tail))) {
          parts[0] = name;
          parts.insert(parts.begin() + 1, tail);
        }
        break;
      }
    }
    // "förbundschef Linnea Borg", "ekonom Jakob Frisk": the title before the name.
    if (!parts.empty() && !looks_like_person(parts[0])) {
      const auto ws = words(parts[0]);
      std::size_t lead = 0;
      while (lead < ws.size() && lead < 3 && starts_lower(ws[lead])) ++lead;
      if (lead > 0 && lead + 1 < ws.size() && is_job_title_word(lower(ws[lead - 1]))) {
        const std::size_t cut = static_cast<std::size_t>(ws[lead].data() - parts[0].data());
        const std::string name(trim(std::string_view(parts[0]).substr(cut)));
        if (looks_like_person(name)) {
          if (a.title.empty()) a.title = std::string(trim(std::string_view(parts[0]).substr(0, cut)));
          parts[0] = name;
        }
      }
    }
    if (parts.empty() || !looks_like_person(parts[0])) return std::nullopt;
    a.name = parts[0];
    for (std::size_t k = 1; k < parts.size(); ++k) {
      // "Anna Berg, Lisa Ek": a list of names, not one attendee.
      if (looks_like_person(parts[k]) && !(all_caps(parts[k]))) return std::nullopt;
      const std::string low = lower(parts[k]);
      if (auto vice = role_word(low); vice && low.find("vice") != npos) {
        // "1:e vice ordförande": a role, though it starts with a digit.
        add_role(a, *vice);
      } else if (auto items = item_numbers(low); !items.empty() && low.find_first_of("0123456789") != npos) {
        // "Mikael Sundin, Region Östergötland, §§ 13-14": present for those
        // items only, which the model keeps as co-opted for them.
        add_role(a, MeetingRole::coopted);
        for (auto& n : items) a.coopted_for_items.push_back(numbered_like_items(n));
      } else if (trim(low).starts_with("för ") &&
                 looks_like_person(strip_parens(trim(std::string_view(parts[k])).substr(4)))) {
        // "Pia Holm (S), Ljungby kommun, för Jens Ström (S)"
        a.substitute_for = strip_parens(trim(std::string_view(parts[k])).substr(4));
      } else if (const std::string_view sub = substitute_phrase(low); !sub.empty()) {
        // "tjänstgörande ersättare för Eva Lund (S)"
        a.substitute_for = strip_parens(std::string_view(parts[k]).substr(parts[k].size() - sub.size()));
        append_note(a, parts[k]);
      } else if (auto r = role_word(low)) {
        add_role(a, *r);
      } else if (auto s = status_word(low)) {
        a.status = *s;
        append_note(a, parts[k]);
      } else if (const std::size_t sp = low.find(' ');
                 sp != npos && starts_lower(parts[k]) && status_word(low.substr(0, sp)) &&
                 starts_upper(trim(std::string_view(parts[k]).substr(sp))) &&
                 looks_like_organisation(trim(std::string_view(parts[k]).substr(sp)))) {
        // "förhindrad  Ludvika kommun": the status, then a column's organisation.
        a.status = *status_word(low.substr(0, sp));
        append_note(a, parts[k].substr(0, sp));
        if (a.organisation.empty()) a.organisation = std::string(trim(std::string_view(parts[k]).substr(sp)));
      } else if (const auto split = a.title.empty() && a.organisation.empty()
                                        ? title_then_organisation(parts[k])
                                        : std::nullopt) {
        // "MAS Kalmar kommun", "chefläkare Region Kalmar län": the title,
        // then where the person works.
        a.title = std::string(split->first);
        a.organisation = std::string(strip_punct(split->second));
      } else if (a.title.empty() && starts_lower(parts[k]) && !words(parts[k]).empty() &&
                 is_job_title_word(lower(words(parts[k]).front()))) {
        // "förvaltningschef omsorgsförvaltningen": a title, though its
        // second word names an organisation.
        take_title(a, parts[k]);
      } else if (a.organisation.empty() && (looks_like_organisation(parts[k]) || starts_upper(parts[k]))) {
        if (!a.organisation.empty()) append_note(a, parts[k]);
        else a.organisation = parts[k];
      } else if (a.title.empty() && starts_lower(parts[k])) {
        a.title = parts[k];
      } else {
        append_note(a, parts[k]);
      }
    }
    for (const auto& mark : marks) read_mark(a, mark);
    if (a.organisation.empty() && !group_org_.empty()) a.organisation = group_org_;
    a.group = group_;
    return a;
  }

  static void add_role(ParsedAttendee& a, MeetingRole r) {
    if (std::find(a.roles.begin(), a.roles.end(), r) == a.roles.end()) a.roles.push_back(r);
  }
  static void append_note(ParsedAttendee& a, std::string_view text) {
    if (a.note == text || a.note.starts_with(std::string(text) + ";") || a.note.ends_with("; " + std::string(text)))
      return;
    if (!a.note.empty()) a.note += "; ";
    a.note += text;
  }

  // What follows "ersätter", "ersättare för" ...: the name of the member
  // stood in for, as a view into `low`; empty when the phrase is not one.
  static std::string_view substitute_phrase(std::string_view low) {
    for (std::string_view w : {"tjänstgörande ersättare för ", "tjänstgör för ", "ersättare för ", "ersätter ",
                               "ers. för ", "ers för ", "i stället för ", "istället för "}) {
      const std::size_t at = low.find(w);
      if (at != npos && (at == 0 || low.compare(0, at, "tjänstgörande ") == 0)) return low.substr(at + w.size());
    }
    return {};
  }

  // One capitalised word or an acronym that is no party, no role and no
  // way of taking part: an organisation's short name.
  static bool is_organisation_mark(std::string_view p) {
    const auto ws = words(p);
    if (ws.empty() || ws.size() > 2 || !starts_upper(p) || looks_like_person(p)) return false;
    const std::string low = lower(p);
    for (std::string_view w : {"teams", "zoom", "skype", "distans", "digitalt", "digital", "telefon", "webex", "meet",
                               "ordf", "ordf.", "sekr", "sekr.", "just", "just.", "adj", "adj.", "ers", "ers.", "tjg",
                               "ej tjg", "via teams", "på distans", "del av mötet", "delvis", "fm", "em"})
      if (low == w) return false;
    if (status_word(low) || role_word(low)) return false;
    if (ws.size() == 2) return looks_like_organisation(p);
    // "HSF", "SLSO", "Storsthlm", "Inera": letters only.
    for (const char c : p)
      if (c == '.' || c == ':' || (c >= '0' && c <= '9')) return false;
    return p.size() >= 2;
  }

  void read_mark(ParsedAttendee& a, const std::string& mark) const {
    // "(S)", "(KD)": the member's party, never an organisation.
    if (const auto party = party_mark(mark); !party.empty()) {
      if (a.party.empty()) a.party = std::string(party);
      return;
    }
    const std::string low = lower(mark);
    if (auto s = status_word(low)) {
      a.status = *s;
      append_note(a, mark);
      return;
    }
    // "(adjungerad ärende 4 a)", "(adjungerad punkt 5)": co-opted for items.
    for (std::string_view w : {"adjungerad ", "adjungerade ", "adj. "})
      if (low.starts_with(w)) {
        const auto items = item_numbers(low.substr(w.size()));
        if (items.empty()) break;
        add_role(a, MeetingRole::coopted);
        for (const auto& n : items) a.coopted_for_items.push_back(numbered_like_items(n));
        return;
      }
    if (auto r = role_word(low)) {
      add_role(a, *r);
      return;
    }
    for (std::string_view w : {"ersätter ", "ers. för ", "ers för ", "ersättare för ", "i stället för ", "istället för "}) {
      if (low.compare(0, w.size(), w) == 0) {
        a.substitute_for = std::string(strip_punct(std::string_view(mark).substr(w.size())));
        append_note(a, mark);
        return;
      }
    }
    if (auto items = item_numbers(low); !items.empty()) {
      add_role(a, MeetingRole::coopted);
      for (auto& n : items) a.coopted_for_items.push_back(numbered_like_items(n));
      return;
    }
    // "(ordförande, Region X)" or "(Region X)"
    const auto parts = split_list(mark);
    bool read = false;
    for (const auto& p : parts) {
      const std::string lp = lower(p);
      if (auto r = role_word(lp)) {
        add_role(a, *r);
        read = true;
      } else if (auto s = status_word(lp)) {
        a.status = *s;
        read = true;
      } else if (const std::string_view sub = substitute_phrase(lp);
                 !sub.empty() && a.substitute_for.empty() &&
                 looks_like_person(strip_punct(std::string_view(p).substr(p.size() - sub.size())))) {
        // "(Norrtälje kommun, ersätter Sofie Lund)"
        a.substitute_for = std::string(strip_punct(std::string_view(p).substr(p.size() - sub.size())));
        read = true;
      } else if (a.organisation.empty() && starts_upper(p) && looks_like_organisation(p) && words(p).size() > 1) {
        a.organisation = p;
        read = true;
      } else if (a.organisation.empty() && parts.size() == 1 && is_organisation_mark(p)) {
        // "Anders Wahlberg (HSF)", "Lina Sjöberg (Storsthlm)": a short name
        // or an acronym in capitals where a party would stand, and no party.
        a.organisation = p;
        read = true;
      } else if (parts.size() > 1 && words(p).size() <= 5 && substitute_phrase(lp).empty() &&
                 (starts_lower(p) || (all_caps(p) && words(p).size() == 1)) && !is_digit(p[0])) {
        // "(ordf., verksamhetschef primärvård södra)", "(MAS, Kalmar kommun)":
        // beside a role or an organisation, a lower-case phrase is the title.
        a.title += (a.title.empty() ? "" : ", ") + p;
        read = true;
      }
    }
    if (!read || parts.size() > 1) append_note(a, mark);
  }

  // Co-opted item numbers follow the record's own numbering: "(5)" in a
  // protocol with §-numbered items means "§5".
  std::string numbered_like_items(const std::string& n) const {
    if (style_ == Style::paragraphs && n.compare(0, 2, "\xC2\xA7") != 0) return "\xC2\xA7" + n;
    return n;
  }

  // Returns false when the line ends the attendance part.
  bool attendance_line(bool after_blank) {
    // "☒ Sofia Näslund, ...", "☐ Jan-Olov Persson", "F  Ulrika Dahl": the
    // mark before the name says the status of this line's attendee.
    if (const auto marked = take_leading_mark(lines_[i_])) {
      const AttendanceStatus keep = attendance_status_;
      const bool keep_marks = attendance_marks_absence_;
      attendance_status_ = *marked;
      attendance_marks_absence_ = true;
      const bool result = attendance_line_unmarked(after_blank);
      attendance_status_ = keep;
      attendance_marks_absence_ = keep_marks;
      return result;
    }
    return attendance_line_unmarked(after_blank);
  }

  // A legend of attendance marks: "(☒ = närvarande  ☐ = frånvarande  F =
  // anmält förhinder)". True when `text` is one; its marks are kept.
  bool read_mark_legend(std::string_view text) {
    std::string_view t = trim(text);
    if (t.size() < 5 || t.find('=') == npos) return false;
    if (t.front() == '(' && t.back() == ')') t = t.substr(1, t.size() - 2);
    std::vector<std::pair<std::string, AttendanceStatus>> found;
    std::size_t at = 0;
    while ((at = t.find('=', at)) != npos) {
      // The mark: the word before '='; the meaning: the words after it, up to
      // the next mark.
      std::string_view before = trim(t.substr(0, at));
      const std::size_t sp = before.find_last_of(" \t");
      const std::string mark(sp == npos ? before : before.substr(sp + 1));
      std::size_t next = t.find('=', at + 1);
      std::string_view meaning = t.substr(at + 1, (next == npos ? t.size() : next) - at - 1);
      meaning = trim(meaning);
      if (next != npos) {
        const std::size_t cut = meaning.find_last_of(" \t");
        if (cut != npos) meaning = meaning.substr(0, cut);
      }
      const std::string low_meaning = lower(strip_punct(trim(meaning)));
      std::optional<AttendanceStatus> status = status_word(low_meaning);
      if (!status && (low_meaning == "närvarande" || low_meaning == "deltog" || low_meaning == "närvarande ledamot"))
        status = AttendanceStatus::present;
      if (low_meaning.find("förhinder") != npos) status = AttendanceStatus::excused;
      if (!status || mark.empty() || mark.size() > 4) return false;
      found.emplace_back(mark, *status);
      ++at;
    }
    if (found.empty()) return false;
    for (auto& f : found) mark_legend_.push_back(std::move(f));
    return true;
  }

  // Takes a status mark off the start of `l` ("☒ ", "☐ ", "[x] ", or a
  // mark of the legend such as "F  "): the status it stands for.
  std::optional<AttendanceStatus> take_leading_mark(Line& l) {
    if (l.text().empty()) return std::nullopt;
    std::optional<AttendanceStatus> status;
    std::size_t len = 0;
    for (const auto& [mark, st] : mark_legend_)
      if (l.text().starts_with(mark) && l.text().size() > mark.size() &&
          (l.text()[mark.size()] == ' ' || l.text()[mark.size()] == '\t')) {
        status = st;
        len = mark.size();
        break;
      }
    if (!status) {
      struct Box {
        std::string_view mark;
        AttendanceStatus status;
      };
      static constexpr Box boxes[] = {
          {"\xE2\x98\x92", AttendanceStatus::present},  // ☒
          {"\xE2\x98\x91", AttendanceStatus::present},  // ☑
          {"\xE2\x9C\x93", AttendanceStatus::present},  // ✓
          {"\xE2\x9C\x94", AttendanceStatus::present},  // ✔
          {"\xE2\x98\x90", AttendanceStatus::absent},   // ☐
          {"\xE2\x9C\x97", AttendanceStatus::absent},   // ✗
          {"\xE2\x9C\x98", AttendanceStatus::absent},   // ✘
          {"[x]", AttendanceStatus::present},
          {"[X]", AttendanceStatus::present},
          {"[ ]", AttendanceStatus::absent},
      };
      for (const auto& b : boxes)
        if (l.text().starts_with(b.mark)) {
          status = b.status;
          len = b.mark.size();
          break;
        }
    }
    if (!status) return std::nullopt;
    const std::string_view rest = trim(std::string_view(l.text()).substr(len));
    if (rest.empty() || !starts_upper(rest)) return std::nullopt;
    lines_.narrow(l, static_cast<std::size_t>(rest.data() - l.text().data()), rest.size());
    return status;
  }

  // A list entry naming a person first: "Karin Alm, förvaltningschef, ...".
  static bool attendance_entry(std::string_view text) {
    const std::size_t stop = text.find_first_of(",(\t");
    if (stop == npos) return false;
    return looks_like_person(strip_punct(trim(text.substr(0, stop))));
  }

  bool attendance_line_unmarked(bool after_blank) {
    // "1. Karin Alm, ...": the number of a list entry goes.
    {
      Line& m = lines_[i_];
      std::size_t k = 0;
      while (k < m.text().size() && k < 3 && is_digit(m.text()[k])) ++k;
      if (k > 0 && k + 2 < m.text().size() && (m.text()[k] == '.' || m.text()[k] == ')') && m.text()[k + 1] == ' ' &&
          attendance_entry(std::string_view(m.text()).substr(k + 2))) {
        lines_.narrow(m, k + 2);
      }
    }
    const Line& l = line();
    (void)after_blank;
    for (std::string_view remote : {"på distans", "deltar digitalt", "deltog digitalt", "via teams", "via zoom",
                                    "via skype", "uppkopplad", "deltar via länk", "deltog via länk"})
      if (l.low().find(remote) != npos) joined_remotely_ = true;
    // A table with column headings: each row read by its columns.
    if (l.text().find('\t') != npos) {
      const auto row = row_cells(lines_, l);
      if (attendance_table_header(row)) return true;
      if (!attendance_columns_.empty()) {
        // Rows may end early: the last columns empty ("Kinda kommun<tab>Rebecka Hult (C)").
        if (row.size() >= 2 && row.size() <= attendance_columns_.size() && attendance_table_row(row)) return true;
        attendance_columns_.clear();
      }
    } else if (!attendance_columns_.empty()) {
      // "Region Kalmar län" between the rows: the organisation of those below.
      if (words(l.text()).size() <= 6 && looks_like_organisation(strip_punct(l.text())) && !looks_like_person(l.text())) {
        group_ = std::string(strip_punct(l.text()));
        group_org_ = group_;
        return true;
      }
      attendance_columns_.clear();
    }
    if (is_column_heading(l.low())) return true;
    if (prose_attendance()) return true;
    // The member the attendee above stands in for ("..., för" at its end).
    if (awaiting_member_) {
      const std::size_t idx = *awaiting_member_;
      awaiting_member_.reset();
      std::string member = strip_parens(l.text());
      if (const std::size_t comma = member.find_first_of(",\t"); comma != npos) member = member.substr(0, comma);
      member = std::string(strip_punct(trim(member)));
      if (idx < out_.attendees.size() && looks_like_person(member)) {
        out_.attendees[idx].substitute_for = member;
        return true;
      }
    }
    // "(ersätter Gustav Alm)", "  tjänstgör för Ingrid Sahlin" on the line
    // after a name: the substitute's member.
    {
      std::string_view t = trim(l.text());
      if (t.starts_with("(") && t.ends_with(")")) t = trim(t.substr(1, t.size() - 2));
      const std::string low = lower(t);
      for (std::string_view w : {"tjänstgörande ersättare för ", "tjänstgör för ", "ersättare för ", "ersätter ",
                                 "ers. för ", "i stället för ", "istället för ", "för "}) {
        if (low.compare(0, w.size(), w) != 0) continue;
        std::string member = strip_parens(t.substr(w.size()));
        if (const std::size_t comma = member.find(','); comma != npos) member = member.substr(0, comma);
        member = std::string(strip_punct(trim(member)));
        if (!looks_like_person(member)) break;
        flush_pending_people();
        if (out_.attendees.empty()) break;
        auto& last = out_.attendees.back();
        if (last.substitute_for.empty()) last.substitute_for = member;
        append_note(last, t);
        return true;
      }
    }
    if (style_ != Style::headings && (numbered_at(i_) || paragraph_number(l))) return false;
    // "Region Gävleborg: Helena Borg (ordförande), Tomas Öhman": the people
    // an organisation sent, after its name.
    if (const std::size_t colon = l.text().find(':'); colon != npos && colon < 80 && colon + 1 < l.text().size()) {
      const std::string head(strip_punct(trim(std::string_view(l.text()).substr(0, colon))));
      const std::string_view value = trim(std::string_view(l.text()).substr(colon + 1));
      const auto parts = split_list(value);
      if (!value.empty() && !parts.empty() && looks_like_organisation(head) && !looks_like_person(head) &&
          looks_like_person(strip_parens(parts.front()))) {
        flush_pending_people();
        const std::string keep = group_org_;
        group_org_ = head;
        // The list goes on over the next lines while a parenthesis is open,
        // the line ends in a comma, or the next starts in lower case or a
        // parenthesis; a line that opens a group of its own ("Kommunerna:") ends it.
        std::string full(value);
        std::size_t last = i_;
        const auto open_parens = [](std::string_view t) {
          int depth = 0;
          for (char c : t) depth += c == '(' ? 1 : c == ')' ? -1 : 0;
          return depth > 0;
        };
        for (std::size_t j = i_ + 1; j < lines_.size() && j <= i_ + 12; ++j) {
          const Line& next = lines_[j];
          if (next.blank() || next.text().find('\t') != npos || read_label(next).kind != L::none) break;
          const std::size_t c = next.text().find(':');
          if (c != npos && c < 50) break;
          const auto ws = words(full);
          const bool goes_on = open_parens(full) || full.back() == ',' || starts_lower(next.text()) || next.text()[0] == '(' ||
                               (!ws.empty() && starts_lower(ws.back()) && !ends_sentence(full));
          if (!goes_on) break;
          full += ' ';
          full += next.text();
          last = j;
        }
        inline_list(full);
        group_org_ = keep;
        if (last > i_) {
          skip_until_ = last;
          skip_set_ = true;
        }
        return true;
      }
    }
    if (flattened_table()) return true;
    // "Samira Aziz (5) Jonas Berglöf (5) Pia Lindh (7)": entries run
    // together on one line, each ended by its mark.
    if (l.text().find('\t') == npos && l.text().find(',') == npos) {
      const auto marked = split_at_marks(l.text());
      if (marked.size() >= 2) {
        std::vector<ParsedAttendee> people;
        for (const auto& entry : marked) {
          auto a = read_attendee(entry);
          if (!a) break;
          people.push_back(std::move(*a));
        }
        if (people.size() == marked.size()) {
          flush_pending_people();
          for (auto& a : people) add_attendee(std::move(a));
          return true;
        }
      }
    }
    // Prose ends the list.
    if (l.text().size() > 140 || (ends_sentence(l.text()) && words(l.text()).size() > 6)) return false;
    const auto row = row_cells(lines_, l);
    if (row.size() == 2 && role_column_row(row)) return true;
    if (row.size() >= 2) return table_row(row);
    if (organisation_first()) return true;
    const std::string bare = strip_parens(l.text());
    if (looks_like_person(bare) && l.text().find(',') == npos && l.text().find(" \xE2\x80\x93 ") == npos &&
        l.text().find(" - ") == npos) {
      // A bare name: maybe the first half of a name run and organisation run.
      pending_people_.push_back(i_);
      return true;
    }
    if (auto a = read_attendee(l.text())) {
      flush_pending_people();
      add_attendee(std::move(*a));
      return true;
    }
    // "Jenny Lund (s), Arne Björk (m)": several people on one line.
    if (l.text().find(',') != npos) {
      const auto parts = list_parts(l.text());
      if (parts.size() >= 2 &&
          std::all_of(parts.begin(), parts.end(), [](const std::string& p) { return looks_like_person(strip_parens(p)); })) {
        flush_pending_people();
        inline_list(l.text());
        return true;
      }
    }
    // Not a person: an organisation run pairing the bare names before it,
    // or a group heading.
    if (!pending_people_.empty() && pairs_as_organisation_run()) return true;
    if (words(l.text()).size() <= 6 && l.text().find(',') == npos && !ends_sentence(l.text())) {
      // A heading-structured record's first item looks like a group heading
      // but is followed by prose.
      if (style_ == Style::headings && !is_side_word(l.low()) && !looks_like_organisation(l.text())) {
        const std::size_t n = next_content(i_);
        if (n != npos && (lines_[n].text().size() > 60 || ends_sentence(lines_[n].text()))) return false;
      }
      flush_pending_people();
      group_ = std::string(strip_punct(l.text()));
      const std::string group_low = lower(group_);
      group_org_ = is_side_word(group_low) ? std::string() : (looks_like_organisation(group_) ? group_ : std::string());
      return true;
    }
    if (style_ == Style::headings || l.text().size() > 60) return false;
    warn_here("in the attendance list but not read as a person");
    return true;
  }

  // "Namn\tParti\tFunktion\tNärvaro": every cell a column heading, one of
  // them the name.
  bool attendance_table_header(const std::vector<std::string>& row) {
    if (row.size() < 2 || row.size() > 8) return false;
    std::vector<AttendanceColumn> columns;
    bool name = false;
    for (const auto& c : row) {
      columns.push_back(attendance_column(lower(strip_punct(c))));
      if (columns.back() == AttendanceColumn::none) return false;
      name = name || columns.back() == AttendanceColumn::name;
    }
    if (!name) return false;
    attendance_columns_ = std::move(columns);
    return true;
  }

  // One row of an attendance table with headings: the party, organisation,
  // function ("2:e vice ordförande", "tjänstgörande ersättare för X",
  // "Enhetschef"), title and presence ("Närvarande", "Förhinder", "X", "F")
  // each from its column.
  static std::optional<AttendanceStatus> presence_mark(std::string_view low) {
    if (auto st = status_word(low)) return st;
    if (low == "x" || low == "närvarande" || low == "t" || low == "ja" || low == "deltog") return AttendanceStatus::present;
    if (low == "f") return AttendanceStatus::excused;
    if (low == "nej" || low == "-" || low == "\xE2\x80\x93") return AttendanceStatus::absent;
    return std::nullopt;
  }

  bool attendance_table_row(const std::vector<std::string>& row) {
    std::optional<ParsedAttendee> a;
    std::size_t deputy_at = npos;
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (attendance_columns_[k] == AttendanceColumn::name && !a) a = read_attendee(row[k]);
      if (attendance_columns_[k] == AttendanceColumn::deputy && deputy_at == npos) deputy_at = k;
    }
    if (!a) return false;
    // "Malin Gren (M)\tF\tBjörn Dahl (M)\tT": the member's personal
    // substitute beside them, "T" when serving in the member's place.
    if (deputy_at != npos) {
      std::optional<ParsedAttendee> deputy;
      if (deputy_at < row.size() && !trim(row[deputy_at]).empty()) deputy = read_attendee(row[deputy_at]);
      std::optional<AttendanceStatus> member_status;
      for (std::size_t k = 0; k < deputy_at && k < row.size(); ++k)
        if (attendance_columns_[k] == AttendanceColumn::presence) member_status = presence_mark(lower(trim(row[k])));
      if (member_status) a->status = *member_status;
      // "Linköpings kommun<tab>Tove Bergman (S)<tab>Kent Öst (S), ej tjg":
      // the organisation column is both people's.
      for (std::size_t k = 0; k < row.size(); ++k)
        if (attendance_columns_[k] == AttendanceColumn::organisation && !trim(row[k]).empty()) {
          const std::string org(strip_punct(trim(row[k])));
          if (a->organisation.empty()) a->organisation = org;
          if (deputy && deputy->organisation.empty()) deputy->organisation = org;
        }
      // "Lisa Ahl, tjg": serving in the member's place; "ej tjg" present only.
      if (deputy) {
        const std::string said = lower(deputy->title + " " + deputy->note);
        const bool not_serving = said.find("ej tjg") != npos || said.find("ej tjänstgörande") != npos ||
                                 said.find("ej tjänstgör") != npos;
        if (!not_serving && (said.find("tjg") != npos || said.find("tjänstgör") != npos)) deputy->substitute_for = a->name;
        for (std::string_view mark : {"ej tjg", "tjg", "ej tjänstgörande", "tjänstgörande", "tjänstgör"})
          if (lower(deputy->title) == mark) deputy->title.clear();
      }
      const std::string member_name = a->name;
      flush_pending_people();
      add_attendee(std::move(*a));
      if (deputy) {
        for (std::size_t k = deputy_at + 1; k < row.size(); ++k) {
          if (attendance_columns_[k] != AttendanceColumn::presence) continue;
          const std::string mark = lower(trim(row[k]));
          if (auto st = presence_mark(mark)) deputy->status = *st;
          if (mark == "t") deputy->substitute_for = member_name;
          break;
        }
        deputy->note = deputy->note.empty() ? "ersättare" : deputy->note;
        add_attendee(std::move(*deputy));
      }
      return true;
    }
    for (std::size_t k = 0; k < row.size(); ++k) {
      const std::string cell(strip_punct(trim(row[k])));
      const std::string low = lower(cell);
      if (cell.empty() || cell == "-" || cell == "\xE2\x80\x93") {
        if (attendance_columns_[k] == AttendanceColumn::presence) a->status = AttendanceStatus::absent;
        continue;
      }
      switch (attendance_columns_[k]) {
        case AttendanceColumn::party:
          if (const auto p = party_mark(cell); !p.empty()) a->party = std::string(p);
          break;
        case AttendanceColumn::organisation:
        case AttendanceColumn::function:
        case AttendanceColumn::title: {
          // "Östersunds kommun, socialdirektör, vice ordförande": an
          // organisation cell may go on with the title and the role, and a
          // function cell may begin with the organisation.
          auto pieces = split_list_commas(cell);
          if (attendance_columns_[k] == AttendanceColumn::organisation && pieces.size() <= 1) {
            a->organisation = cell;
            break;
          }
          const std::string first_piece = pieces.empty() ? std::string() : lower(pieces.front());
          if (!pieces.empty() && a->organisation.empty() &&
              (attendance_columns_[k] == AttendanceColumn::organisation ||
               (looks_like_organisation(pieces.front()) && !role_word(first_piece) &&
                !is_job_title_word(first_piece) && first_piece != "ersättare" && first_piece != "ledamot" &&
                first_piece != "tjänstgörande ersättare"))) {
            a->organisation = pieces.front();
            pieces.erase(pieces.begin());
          }
          for (const auto& piece : pieces) {
            const std::string pl = lower(piece);
            if (const std::string_view sub = substitute_phrase(pl); !sub.empty()) {
              a->substitute_for = std::string(strip_punct(std::string_view(piece).substr(piece.size() - sub.size())));
              append_note(*a, piece);
            } else if (auto r = role_word(pl)) {
              if (*r != MeetingRole::member) add_role(*a, *r);
            } else if (pl == "ersättare" || pl == "ledamot" || pl == "tjänstgörande ersättare" ||
                       pl == "ersättare, ej tjänstgörande") {
              append_note(*a, piece);
            } else if (a->title.empty()) {
              a->title = piece;
            }
          }
          break;
        }
        case AttendanceColumn::presence:
          if (auto st = status_word(low)) a->status = *st;
          else if (low == "x" || low == "närvarande" || low == "t" || low == "ja" || low == "deltog") a->status = AttendanceStatus::present;
          else if (low == "f") a->status = AttendanceStatus::excused;
          else if (low == "nej") a->status = AttendanceStatus::absent;
          else append_note(*a, cell);
          break;
        case AttendanceColumn::substitute:
          a->substitute_for = strip_parens(cell);
          break;
        case AttendanceColumn::note:
          // "Tjänstgör för Ann-Britt Sved (C)", "Förhinder", "Från kl. 09.40, § 102–107".
          if (const std::string_view sub = substitute_phrase(low); !sub.empty() && a->substitute_for.empty())
            a->substitute_for = strip_parens(std::string_view(cell).substr(cell.size() - sub.size()));
          else if (auto st = status_word(low))
            a->status = *st;
          append_note(*a, cell);
          break;
        default:
          break;
      }
    }
    flush_pending_people();
    add_attendee(std::move(*a));
    return true;
  }

  // "1:e vice ordförande<tab>Roger Falk (M), Kiruna kommun",
  // "Förbundsdirektör<tab>Anneli Rönnbäck, Norrbottens Kommuner": the role
  // or the job in a column of its own before the person. A job broken over
  // lines ("Hälso- och sjukvårds-" / "direktör") is whole again.
  bool role_column_row(const std::vector<std::string>& row) {
    std::string head(strip_punct(row[0]));
    if (head.empty() || words(head).size() > 5 || !(starts_upper(head) || is_digit(head[0]))) return false;
    // "Lina Carlström, sekreterare<tab>Therese Lund, ...": columns of people.
    if (row[0].find(',') != npos || row[0].find('(') != npos) return false;
    const std::size_t next = i_ + 1;
    bool joined = false;
    if (!row[0].empty() && row[0].back() == '-' && next < lines_.size() && !lines_[next].blank() &&
        lines_[next].text().find('\t') == npos && words(lines_[next].text()).size() == 1 &&
        starts_lower(lines_[next].text())) {
      head = std::string(trim(row[0])) + std::string(lines_[next].text());
      joined = true;
    }
    const std::string low = lower(head);
    const auto role = role_word(low);
    const auto last_words = words(low);
    const bool job = !role && !last_words.empty() && is_job_title_word(last_words.back()) && !looks_like_person(head);
    if (!role && !job) return false;
    if (role && *role == MeetingRole::member) return false;
    const std::string bare = strip_parens(row[1]);
    const std::size_t comma = bare.find(',');
    if (!looks_like_person(trim(std::string_view(bare).substr(0, comma)))) return false;
    auto a = read_attendee(row[1]);
    if (!a) return false;
    if (role) add_role(*a, *role);
    else if (a->title.empty()) a->title = head;
    flush_pending_people();
    add_attendee(std::move(*a));
    if (joined) {
      skip_until_ = next;
      skip_set_ = true;
    }
    return true;
  }

  bool table_row(const std::vector<std::string>& row) {
    if (side_by_side_row(row)) return true;
    // A row of names (a flattened name column), to be paired with the next
    // row of organisations.
    const bool all_people = std::all_of(row.begin(), row.end(), [](const std::string& c) {
      return !c.empty() && looks_like_person(strip_parens(c));
    });
    if (all_people && row.size() >= 2) {
      if (!name_row_.empty()) flush_name_row();
      name_row_ = row;
      name_row_line_ = i_;
      return true;
    }
    if (!name_row_.empty()) {
      if (row.size() == name_row_.size()) {
        for (std::size_t k = 0; k < row.size(); ++k) {
          std::size_t keep = i_;
          i_ = name_row_line_;
          auto a = read_attendee(name_row_[k]);
          i_ = keep;
          if (!a) continue;
          a->organisation = row[k];
          a->provenance = span(name_row_line_, i_);
          add_attendee(std::move(*a));
        }
        name_row_.clear();
        return true;
      }
      flush_name_row();
    }
    flush_pending_people();
    if (auto a = read_attendee(line().text())) {
      add_attendee(std::move(*a));
      return true;
    }
    // "Gunilla Dahl (S), ordförande<tab>Region Dalarna": the entry, then
    // the organisation in a column of its own.
    if (row.size() == 2 && !looks_like_person(strip_parens(row[1])) && looks_like_organisation(strip_parens(row[1]))) {
      if (auto a = read_attendee(row[0])) {
        if (a->organisation.empty()) a->organisation = std::string(strip_punct(row[1]));
        add_attendee(std::move(*a));
        return true;
      }
    }
    warn_here("a table row not read as an attendee");
    return true;
  }

  // Lists set side by side, one per column: a row of headings ("Region
  // Västmanland<tab>Kommunerna") over rows of entries ("Sofia Hedman,
  // ordförande<tab>Per Lundin, Västerås stad"). Each cell is an attendee
  // of its own, and a column's heading, when it names an organisation, is
  // the organisation of the entries under it that name none.
  bool side_by_side_row(const std::vector<std::string>& row) {
    if (row.size() < 2 || row.size() > 4) return false;
    const auto group_cell = [](const std::string& c) {
      const std::string bare(strip_punct(c));
      return !bare.empty() && words(bare).size() <= 5 && bare.find_first_of(",(") == npos &&
             !looks_like_person(bare) &&
             (is_side_word(lower(bare)) || looks_like_organisation(bare));
    };
    if (std::all_of(row.begin(), row.end(), group_cell)) {
      flush_name_row();
      flush_pending_people();
      column_groups_.clear();
      for (const auto& c : row) {
        const std::string bare(strip_punct(c));
        column_groups_.push_back(is_side_word(lower(bare)) ? std::string() : bare);
      }
      return true;
    }
    // Entries, not bare names (those pair with an organisation row below):
    // at least one cell says more than the name.
    bool detailed = false;
    for (const auto& c : row) detailed = detailed || c.find(',') != npos || c.find(" \xE2\x80\x93 ") != npos;
    if (!detailed && column_groups_.size() != row.size()) return false;
    std::vector<ParsedAttendee> people;
    const std::string keep = group_org_;
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (column_groups_.size() == row.size() && !column_groups_[k].empty()) group_org_ = column_groups_[k];
      auto a = read_attendee(row[k]);
      group_org_ = keep;
      if (!a || !looks_like_person(a->name)) return false;
      people.push_back(std::move(*a));
    }
    flush_name_row();
    flush_pending_people();
    for (auto& a : people) add_attendee(std::move(a));
    return true;
  }

  // A members table flattened by the converter: its name column run
  // together on this line, its organisation column on the next ("Annika
  // Berglund, ordförande Petter Lindh ..." over "Region Uppsala Region
  // Uppsala Uppsala kommun ..."). The organisations are cut by their forms;
  // their count tells how many names to cut the first line into.
  bool flattened_table() {
    const Line& l = line();
    if (l.text().find('\t') != npos || words(l.text()).size() < 6 || ends_sentence(l.text())) return false;
    const std::size_t n = next_content(i_);
    if (n == npos || n > i_ + 2 || lines_[n].text().find('\t') != npos) return false;
    const auto orgs = split_organisations(lines_[n].text());
    if (orgs.size() < 3) return false;
    auto names = split_names(l.text(), orgs.size());
    if (names.size() != orgs.size()) names = split_names_marked(l.text(), orgs.size());
    if (names.size() != orgs.size()) return false;
    flush_pending_people();
    for (std::size_t k = 0; k < names.size(); ++k) {
      auto a = read_attendee(names[k]);
      if (!a) {
        warn_here("a name in a flattened table not read as a person: " + names[k]);
        continue;
      }
      if (a->organisation.empty()) a->organisation = orgs[k];
      a->provenance = span(i_, n);
      add_attendee(std::move(*a));
    }
    skip_until_ = n;
    skip_set_ = true;
    return true;
  }

  // "Umeå kommun – Helena Sjödin, avdelningschef, ordförande": the
  // organisation first, a dash, then the person as a list writes them.
  bool organisation_first() {
    const Line& l = line();
    for (std::string_view dash : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - "}) {
      const std::size_t at = l.text().find(dash);
      if (at == npos || at == 0 || at > 80) continue;
      const std::string org(strip_punct(trim(std::string_view(l.text()).substr(0, at))));
      const std::string_view rest = trim(std::string_view(l.text()).substr(at + dash.size()));
      std::string_view name = rest.substr(0, std::min(rest.find(','), rest.find('(')));
      name = trim(name);
      if (!looks_like_organisation(org) || looks_like_person(org) || !looks_like_person(name)) return false;
      auto a = read_attendee(rest);
      if (!a) return false;
      flush_pending_people();
      // The organisation the line names wins over a group heading above; a
      // word read as an organisation after the name was the title.
      const std::string read_org = std::move(a->organisation);
      a->organisation = org;
      if (!read_org.empty() && read_org != group_ && a->title.empty() && !looks_like_organisation(read_org))
        a->title = read_org;
      add_attendee(std::move(*a));
      return true;
    }
    return false;
  }

  // Attendance written as prose under "Närvarande": "Från Region X deltog
  // A (ordförande), B och C.", "Kommunerna representerades av D, Luleå
  // kommun, ...", "Adjungerade var under punkt 3 E, Region X, och under
  // punkt 6 F.", "G, Piteå kommun, hade anmält förhinder." The paragraph is
  // read sentence by sentence; each sentence's verb says the status (and
  // the side the list stands on), "Från X" the organisation.
  bool prose_attendance() {
    const Line& l = line();
    if (l.text().find('\t') != npos || words(l.text()).size() < 6) return false;
    std::string text;
    std::size_t last = i_;
    for (std::size_t j = i_; j < lines_.size() && j < i_ + 40 && !lines_[j].blank(); ++j) {
      if (j > i_ && (numbered_at(j) || paragraph_number(lines_[j]) || read_label(lines_[j]).kind != L::none)) break;
      text += (text.empty() || text.back() == '-' ? "" : " ") + std::string(lines_[j].text());
      last = j;
    }
    struct Verb {
      std::string_view phrase;
      bool list_after;
      int status;  // 0 present, 1 excused, 2 absent, 3 co-opted
    };
    constexpr Verb verbs[] = {
        {" hade anmält förhinder", false, 1}, {" har anmält förhinder", false, 1}, {" anmälde förhinder", false, 1},
        {" var förhindrad", false, 1},        {" var förhindrade", false, 1},      {" deltog inte", false, 2},
        {" var frånvarande", false, 2},       {" var inte närvarande", false, 2},  {" representerades av ", true, 0},
        {"adjungerade var ", true, 3},        {"adjungerad var ", true, 3},        {"adjungerades ", true, 3},
        {"närvarande var ", true, 0},         {" deltog ", true, 0},               {" deltog även ", true, 0},
        {" närvarade ", true, 0},              {"förhinder hade anmälts av ", true, 1},
        {"förhinder har anmälts av ", true, 1}, {"anmält förhinder hade ", true, 1},
        {"frånvarande var ", true, 2},
    };
    const std::size_t before = out_.attendees.size();
    const std::size_t keep = i_;
    bool read_any = false;
    for (const auto& [a, b] : sentences(text)) {
      std::string sentence(strip_punct(std::string_view(text).substr(a, b - a)));
      // "Även X hade anmält förhinder", "Dessutom deltog Y": the adverb
      // opens the sentence but names no one.
      for (std::string_view adverb : {"även ", "dessutom ", "också ", "vidare ", "därutöver "})
        if (lower(sentence).starts_with(adverb)) {
          sentence = sentence.substr(adverb.size());
          if (!sentence.empty() && lower(std::string_view(sentence).substr(0, 7)) == "deltog ")
            sentence = "De " + sentence;  // keeps the verb after a subject
          break;
        }
      const std::string low = lower(sentence);
      if (substitution_sentence(sentence, low)) {
        read_any = true;
        continue;
      }
      for (const auto& v : verbs) {
        const std::size_t at = low.find(v.phrase);
        if (at == npos) continue;
        std::string org;
        std::string list = v.list_after ? sentence.substr(at + v.phrase.size()) : sentence.substr(0, at);
        if (v.list_after) {
          // "Från Region Norrbotten deltog ...": the organisation before the verb.
          std::string_view head = trim(std::string_view(sentence).substr(0, at));
          constexpr std::string_view from_word = "från ";
          if (lower(head).starts_with(from_word)) head = trim(head.substr(from_word.size()));
          // ("Från förbundets kansli deltog": whose office is not said.)
          if (!head.empty() && starts_upper(head) && looks_like_organisation(head) && !is_side_word(lower(head)) &&
              !lower(head).starts_with("vid ") && lower(head) != "de")
            org = std::string(head);
          if (lower(list).starts_with("även ")) list = list.substr(5);
          // "deltog beredningens ledamöter Anna Thorén (S), ...": the words
          // before the first name say who they are, not who.
          const auto ws = words(list);
          std::size_t skip = 0;
          // ("under punkt 3 Maria Kuoppa" is read below, with its items.)
          // ("för Region X A, B; för Y C" is read below, in segments.)
          while (!lower(list).starts_with("under punkt") && !lower(list).starts_with("för ") && skip < ws.size() &&
                 skip < 4 && starts_lower(ws[skip]))
            ++skip;
          if (skip > 0 && skip < ws.size())
            list = std::string(std::string_view(list).substr(static_cast<std::size_t>(ws[skip].data() - list.data())));
        }
        const auto status = attendance_status_;
        const auto roles = attendance_roles_;
        const std::string keep_org = group_org_;
        attendance_status_ = v.status == 1 ? AttendanceStatus::excused
                           : v.status == 2 ? AttendanceStatus::absent
                                           : AttendanceStatus::present;
        if (v.status == 3) attendance_roles_ = {MeetingRole::coopted};
        group_org_ = org;
        // "under punkt 3 E, Region X, och under punkt 6 F": each part with its items.
        std::vector<std::pair<std::vector<std::string>, std::string>> parts;
        {
          const std::string ll = lower(list);
          std::size_t from = 0;
          std::vector<std::size_t> cuts;
          for (std::size_t u = find_word(ll, "under punkt"); u != npos; u = find_word(ll, "under punkt", u + 1))
            cuts.push_back(u);
          if (cuts.empty()) {
            parts.push_back({{}, list});
          } else {
            if (cuts.front() > 0) parts.push_back({{}, list.substr(0, cuts.front())});
            for (std::size_t c = 0; c < cuts.size(); ++c) {
              from = cuts[c] + 12;
              const std::size_t to = c + 1 < cuts.size() ? cuts[c + 1] : list.size();
              std::string part = list.substr(from, to - from);
              std::size_t k = 0;
              while (k < part.size() && (is_digit(part[k]) || part[k] == ' ' || part[k] == ',' || part[k] == '-' ||
                                         (part[k] == 'o' && part.compare(k, 4, "och ") == 0 && k + 4 < part.size() && is_digit(part[k + 4]))))
                k += part.compare(k, 4, "och ") == 0 ? std::size_t{4} : std::size_t{1};
              parts.push_back({item_numbers(lower(part.substr(0, k))), part.substr(k)});
            }
          }
        }
        // "för Region Blekinge A (S), ordförande, och B (M); för Karlskrona
        // kommun C (M)": segments, each with the organisation its people
        // represent.
        if (parts.size() == 1 && parts.front().first.empty()) {
          auto segments = organisation_segments(parts.front().second);
          if (!segments.empty()) {
            for (auto& [segment_org, value] : segments) {
              group_org_ = segment_org;
              const std::size_t first = out_.attendees.size();
              std::string v2(trim(value));
              while (!v2.empty() && (v2.back() == ',' || v2.back() == ' ' || v2.back() == ';')) v2.pop_back();
              if (lower(v2).ends_with(" och")) v2 = v2.substr(0, v2.size() - 4);
              inline_list(v2);
              read_any = read_any || out_.attendees.size() > first;
            }
            parts.clear();
          }
        }
        for (auto& [items, value] : parts) {
          std::string v2(trim(value));
          if (lower(v2).starts_with("och ")) v2 = v2.substr(4);
          while (!v2.empty() && (v2.back() == ',' || v2.back() == ' ')) v2.pop_back();
          if (lower(v2).ends_with(" och")) v2 = v2.substr(0, v2.size() - 4);
          const std::size_t first = out_.attendees.size();
          inline_list(v2);
          for (std::size_t k = first; k < out_.attendees.size(); ++k)
            for (const auto& n : items) out_.attendees[k].coopted_for_items.push_back(n);
          read_any = read_any || out_.attendees.size() > first;
        }
        attendance_status_ = status;
        attendance_roles_ = roles;
        group_org_ = keep_org;
        break;
      }
    }
    i_ = keep;
    if (!read_any && out_.attendees.size() == before) return false;
    skip_until_ = last;
    skip_set_ = true;
    return true;
  }

  // "för Region Blekinge A (S), ordförande, och B (M); för Karlskrona kommun
  // C (M), vice ordförande; ... och för Sölvesborgs kommun D (SD)": the list
  // cut where "för" and an organisation begin a segment, each segment's
  // organisation and the rest of it. Empty unless the list starts so.
  static std::vector<std::pair<std::string, std::string>> organisation_segments(std::string_view list) {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string low = lower(list);
    std::vector<std::size_t> starts;
    if (!low.starts_with("för ")) return out;
    for (std::size_t at = 0; at != npos; at = low.find("för ", at + 1)) {
      if (at > 0 && low[at - 1] != ' ' && low[at - 1] != ';') continue;
      // Where the segment may begin: the list's start, after ';', ',' or "och".
      std::string_view before = trim(std::string_view(low).substr(0, at));
      if (!(before.empty() || before.ends_with(";") || before.ends_with(",") || before.ends_with(" och") ||
            before == "och"))
        continue;
      starts.push_back(at);
    }
    if (starts.empty() || starts.front() != 0) return out;
    for (std::size_t k = 0; k < starts.size(); ++k) {
      const std::size_t begin = starts[k] + 4;
      std::size_t end = k + 1 < starts.size() ? starts[k + 1] : list.size();
      std::string_view segment = trim(list.substr(begin, end - begin));
      // The organisation: the longest run of words from the start that reads
      // as one, before a person's name.
      const auto ws = words(segment);
      std::size_t org_words = 0;
      for (std::size_t n = 1; n + 1 < ws.size() && n <= 6; ++n) {
        const std::size_t stop = static_cast<std::size_t>(ws[n].data() - segment.data());
        const std::string_view head = strip_punct(segment.substr(0, stop));
        // The two words after the organisation, a person's name.
        const std::size_t name_end = static_cast<std::size_t>(ws[n + 1].data() - segment.data()) + ws[n + 1].size();
        const std::string name(strip_punct(strip_parens(segment.substr(stop, name_end - stop))));
        if (looks_like_organisation(head) && looks_like_person(name)) org_words = n;
      }
      if (org_words == 0) return {};
      const std::size_t cut = static_cast<std::size_t>(ws[org_words].data() - segment.data());
      out.emplace_back(std::string(strip_punct(segment.substr(0, cut))), std::string(segment.substr(cut)));
    }
    return out;
  }

  // "För Jan Nyström (L), Lysekils kommun, som hade anmält förhinder,
  // tjänstgjorde Ulla Svärd (L), Lysekils kommun": the member, absent or
  // excused, and the substitute serving for them.
  bool substitution_sentence(const std::string& sentence, const std::string& low) {
    if (!low.starts_with("för ")) return false;
    std::size_t verb = npos;
    std::size_t verb_len = 0;
    for (std::string_view v : {" tjänstgjorde ", " tjänstgör ", " ersatte ", " ersattes av "}) {
      const std::size_t at = low.find(v);
      if (at != npos && at < verb) {
        verb = at;
        verb_len = v.size();
      }
    }
    if (verb == npos) return false;
    std::string member_part = sentence.substr(4, verb - 4);
    const std::string member_low = lower(member_part);
    AttendanceStatus member_status = AttendanceStatus::absent;
    if (member_low.find("förhinder") != npos || member_low.find("förhindrad") != npos)
      member_status = AttendanceStatus::excused;
    if (const std::size_t rel = member_low.find(" som "); rel != npos) member_part = member_part.substr(0, rel);
    if (const std::size_t rel = member_low.find(", som"); rel != npos && rel < member_part.size())
      member_part = member_part.substr(0, rel);
    member_part = std::string(strip_punct(trim(member_part)));
    const std::string substitute_part(strip_punct(trim(std::string_view(sentence).substr(verb + verb_len))));
    auto member = read_attendee(member_part);
    auto substitute = read_attendee(substitute_part);
    if (!member || !substitute) return false;
    member->status = member_status;
    substitute->status = AttendanceStatus::present;
    substitute->substitute_for = member->name;
    add_attendee(std::move(*member));
    add_attendee(std::move(*substitute));
    return true;
  }

  void flush_name_row() {
    if (name_row_.empty()) return;
    const std::size_t keep = i_;
    i_ = name_row_line_;
    warn_here("a row of names without a matching row of organisations");
    for (const auto& n : name_row_)
      if (auto a = read_attendee(n)) add_attendee(std::move(*a));
    i_ = keep;
    name_row_.clear();
  }

  // The current line starts a run of as many organisation lines as there
  // are pending bare names: pair them in order.
  bool pairs_as_organisation_run() {
    std::vector<std::size_t> orgs;
    std::size_t j = i_;
    while (j < lines_.size() && orgs.size() < pending_people_.size()) {
      const Line& l = lines_[j];
      if (!l.blank() && !is_noise(l)) {
        // An organisation run has one organisation per line and nothing else;
        // "Region Halland:" heads a group instead.
        if (l.text().back() == ':' || !group_org_.empty() || read_label(l).kind != L::none || looks_like_person(strip_parens(l.text())) || l.text().size() > 80 ||
            ends_sentence(l.text()) || l.text().find(',') != npos || l.text().find('\t') != npos ||
            is_side_word(l.low()) || !looks_like_organisation(strip_parens(l.text())) || read_attendee(l.text()))
          break;
        orgs.push_back(j);
      }
      ++j;
    }
    if (orgs.size() != pending_people_.size()) return false;
    const std::size_t keep = i_;
    for (std::size_t k = 0; k < orgs.size(); ++k) {
      i_ = pending_people_[k];
      auto a = read_attendee(lines_[pending_people_[k]].text());
      if (!a) continue;
      a->organisation = lines_[orgs[k]].text();
      a->provenance = Provenance{out_.document, lines_[pending_people_[k]].first, lines_[orgs[k]].last};
      add_attendee(std::move(*a));
    }
    i_ = std::max(keep, orgs.back());
    pending_people_.clear();
    return true;
  }

  void flush_pending_people() {
    if (pending_people_.empty()) {
      flush_name_row();
      return;
    }
    const std::size_t keep = i_;
    for (const std::size_t at : pending_people_) {
      i_ = at;
      if (auto a = read_attendee(lines_[at].text())) add_attendee(std::move(*a));
    }
    i_ = keep;
    pending_people_.clear();
    flush_name_row();
  }

  // By folded name through an index: a list of thousands of names must not
  // cost a comparison with every earlier one.
  ParsedAttendee* find_attendee(std::string_view name) {
    const auto found = attendee_index_.find(fold(name));
    return found == attendee_index_.end() ? nullptr : &out_.attendees[found->second];
  }

  ParsedAttendee* find_attendee_by_first_name(std::string_view first) {
    const std::string key = fold(first);
    ParsedAttendee* found = nullptr;
    for (auto& a : out_.attendees) {
      const auto ws = words(a.name);
      if (!ws.empty() && fold(ws[0]) == key) {
        if (found) return nullptr;  // ambiguous
        found = &a;
      }
    }
    return found;
  }

  ParsedAttendee* add_attendee(ParsedAttendee a) {
    const bool substitute_follows = a.substitute_for == kSubstituteFollows;
    if (substitute_follows) a.substitute_for.clear();
    ParsedAttendee* added = add_attendee_record(std::move(a));
    if (substitute_follows) awaiting_member_ = static_cast<std::size_t>(added - out_.attendees.data());
    return added;
  }

  ParsedAttendee* add_attendee_record(ParsedAttendee a) {
    // Someone listed again, in an absence list or with a role: one attendee.
    if (auto* known = find_attendee(a.name)) {
      if (attendance_marks_absence_ || a.status != AttendanceStatus::present) known->status = a.status;
      for (auto r : a.roles) add_role(*known, r);
      for (auto& n : a.coopted_for_items)
        if (std::find(known->coopted_for_items.begin(), known->coopted_for_items.end(), n) ==
            known->coopted_for_items.end())
          known->coopted_for_items.push_back(n);
      if (known->organisation.empty()) known->organisation = a.organisation;
      if (known->substitute_for.empty()) known->substitute_for = a.substitute_for;
      if (!a.note.empty() && known->note.find(a.note) == npos) append_note(*known, a.note);
      return known;
    }
    if (in_invited_list_ && mode_ == Mode::attendance) invited_.push_back(out_.attendees.size());
    attendee_index_.emplace(fold(a.name), out_.attendees.size());
    out_.attendees.push_back(std::move(a));
    return &out_.attendees.back();
  }

  // ---- roles and the closing block ----

  struct RoleName {
    MeetingRole role;
    std::string name;
    Provenance provenance;
  };

  void add_role_names(L kind, std::string_view value) {
    const MeetingRole role = kind == L::chair        ? MeetingRole::chair
                             : kind == L::vice_chair ? MeetingRole::vice_chair
                             : kind == L::secretary  ? MeetingRole::secretary
                             : kind == L::writer     ? MeetingRole::record_writer
                                                     : MeetingRole::adjuster;
    for (const auto& part : split_list(value)) {
      const std::string name = strip_parens(part);
      if (!looks_like_person(name)) {
        if (words(name).size() == 1 && find_attendee_by_first_name(name)) {
          roles_.push_back({role, find_attendee_by_first_name(name)->name, here()});
          continue;
        }
        if (!dates_in(part).empty()) continue;
        warn_here(std::string("not read as a person's name for the role ") + std::string(to_string(role)) + ": " + part);
        continue;
      }
      roles_.push_back({role, name, here()});
      if (role == MeetingRole::record_writer && out_.writer.empty()) out_.writer = name;
      if (role == MeetingRole::adjuster &&
          std::find(out_.adjusters.begin(), out_.adjusters.end(), name) == out_.adjusters.end())
        out_.adjusters.push_back(name);
    }
  }

  bool closing_label(const Label& label) {
    const Line& l = line();
    if (starts_with_word(l.low(), "vid protokollet") || label.kind == L::adjusted) protocol_signs_ = true;
    finish_decision_only();
    if (label.kind == L::certifier) {
      // Page furniture on every page of an extract, unless a name follows.
      out_.record_kind = RecordKind::protocol_extract;
      kind_seen_ = true;
      if (!label.value.empty() && looks_like_person(label.value)) {
        out_.extensions["source.extract_certified_by"] = label.value;
        return true;
      }
      const std::size_t n = next_content(i_);
      if (n != npos && looks_like_person(strip_parens(lines_[n].text())) && read_label(lines_[n]).kind == L::none) {
        out_.extensions["source.extract_certified_by"] = strip_parens(lines_[n].text());
        skip_until_ = n;
        skip_set_ = true;
      }
      return true;
    }
    if (label.kind == L::adjusted) {
      const auto dates = dates_in(l);
      if (!dates.empty()) out_.adjusted_on = dates.front().date;
      // "Justerat 2019-10-09" then the adjusters' names, one per line.
      std::string rest = label.value;
      if (!dates.empty()) rest = std::string(strip_punct(std::string_view(l.text()).substr(dates.front().end)));
      if (!rest.empty() && dates.empty() && !looks_like_person(strip_parens(rest)) && label.colon == false) {
        // "Justeras av" without a colon was read as a label; "Justering sker ..." is prose.
        if (current_) return false;
      }
      if (!rest.empty() && looks_like_person(strip_parens(rest))) add_role_names(L::adjusters, rest);
      else if (!rest.empty()) out_.extensions["source.adjustment"] = std::string(l.text());
      // "Justeringens plats och tid" over "Regionhuset, Nyköping, 2026-11-27".
      if (rest.empty() && dates.empty()) pending_value_ = L::adjusted;
      closing_expect_ = L::adjusters;
      if (!out_.items.empty() || current_) enter_closing();
      return true;
    }
    if (label.kind == L::adjusters) {
      const auto dates = dates_in(label.value);
      if (!dates.empty() && !out_.adjusted_on) out_.adjusted_on = dates.front().date;
      if (!label.value.empty()) add_role_names(L::adjusters, label.value);
      closing_expect_ = L::adjusters;
      if (!out_.items.empty() || current_) enter_closing();
      else if (label.value.empty()) pending_value_ = L::adjusters;
      return true;
    }
    // The writer.
    if (!label.value.empty()) add_role_names(L::writer, label.value);
    closing_expect_ = L::writer;
    if (!out_.items.empty() || current_) enter_closing();
    else if (label.value.empty()) pending_value_ = L::writer;
    return true;
  }

  void enter_closing() {
    if (mode_ == Mode::closing) return;
    finish_item();
    flush_pending_people();
    mode_ = Mode::closing;
    closing_names_ = 0;
  }

  void finish_decision_only() { close_decision_block(); }

  // A Markdown task: "- [ ] **Hanna Ottosson och Ylva Krantz:** modell –
  // *senast 2027-02-15*", "- [ ] **Ansvar: Karin Alm** – skrivelse, *klart
  // 2026-12-18*": an action item of the item, its owner before the colon.
  // The same work given in the decision above gets its due date from it.
  bool task_line() {
    const Line& l = line();
    if (!current_ || !l.bullet) return false;
    std::string_view t = l.text();
    // (A ticked box, "[x]", is work done; the parsed assignment has no place
    // for that yet, so it is read as the others.)
    if (t.starts_with("[ ]") || t.starts_with("[x]") || t.starts_with("[X]")) t.remove_prefix(3);
    else return false;
    t = trim(t);
    std::string owner;
    std::string what;
    const std::string low = lower(t);
    std::size_t rest_at = 0;
    for (std::string_view label : {"ansvar:", "ansvarig:", "ansvariga:"})
      if (low.starts_with(label)) {
        std::string_view after = trim(t.substr(label.size()));
        std::size_t stop = std::min({after.find(" \xE2\x80\x93 "), after.find(" - "), after.find(','), after.find(':')});
        if (stop == npos) stop = after.size();
        owner = std::string(strip_punct(after.substr(0, stop)));
        rest_at = static_cast<std::size_t>(after.data() - t.data()) + std::min(stop, after.size());
      }
    if (owner.empty()) {
      const std::size_t colon = t.find(':');
      if (colon != npos && colon < 80) {
        const std::string head(strip_punct(t.substr(0, colon)));
        bool names = !head.empty();
        for (const auto& part : split_list(head)) names = names && (looks_like_person(part) || looks_like_organisation(part));
        if (names) {
          owner = head;
          rest_at = colon + 1;
        }
      }
    }
    if (owner.empty()) return false;
    what = std::string(strip_punct(trim(t.substr(std::min(rest_at, t.size())))));
    while (!what.empty() && (what.front() == '-' || what.front() == ' ')) what.erase(0, 1);
    if (what.starts_with("\xE2\x80\x93")) what = std::string(trim(std::string_view(what).substr(3)));  // "– skrivelse"
    std::optional<Date> due;
    if (const auto dates = dates_in(what); !dates.empty()) due = dates.back().date;
    touch_item();
    std::vector<std::string> owners;
    for (const auto& part : split_list(owner)) owners.emplace_back(strip_punct(part));
    for (const auto& o : owners) {
      ParsedAssignment a;
      a.owner = o;
      a.what = what;
      a.provenance = here();
      a.due = due;
      tasks_.push_back(std::move(a));
    }
    return true;
  }

  // The tasks of an item, once its decisions have given their work: a task
  // whose owner the decisions gave work to dates that work; the others are
  // action items of their own.
  void merge_tasks(ParsedItem& item) {
    for (auto& task : tasks_) {
      bool matched = false;
      for (auto& a : item.assignments)
        if (fold(a.owner) == fold(task.owner)) {
          if (!a.due) a.due = task.due;
          matched = true;
        }
      if (!matched) item.assignments.push_back(std::move(task));
    }
    tasks_.clear();
  }

  // "Punkt 3. Handlingsplanen har tagits fram ...", "Till punkt 4: ...":
  // comments on an item already read, in a part of their own after the
  // log. The paragraph is that item's text: its amounts and dates count.
  bool comment_on_item() {
    if (mode_ != Mode::items && mode_ != Mode::closing) return false;
    const Line& l = line();
    std::string_view low = l.low();
    for (std::string_view lead : {"kommentar till punkt ", "till punkt ", "ad punkt ", "punkt "})
      if (low.starts_with(lead)) {
        low.remove_prefix(lead.size());
        std::size_t k = 0;
        while (k < low.size() && k < 3 && is_digit(low[k])) ++k;
        if (k == 0 || k >= low.size() || (low[k] != '.' && low[k] != ':')) return false;
        const std::string number(low.substr(0, k));
        if (current_ && current_->number == number) return false;
        ParsedItem* item = nullptr;
        for (auto& it : out_.items)
          if (it.number == number) item = &it;
        if (!item || low.substr(k + 1).size() < 20) return false;
        std::size_t last = i_;
        while (last + 1 < lines_.size() && !lines_[last + 1].blank() && !paragraph_number(lines_[last + 1]) &&
               last < i_ + 30)
          ++last;
        for (std::size_t j = i_; j <= last; ++j) {
          if (!item->text.empty()) item->text += j == i_ ? "\n\n" : " ";
          item->text += lines_[j].text();
          collect_amounts_dates(*item, lines_[j].text(), lines_[j].first);
        }
        item->provenance.last_line = std::max<std::size_t>(item->provenance.last_line, lines_[last].last);
        skip_until_ = last;
        skip_set_ = true;
        return true;
      }
    return false;
  }

  // One row of a front page's signature block: a role beside a signature
  // line ("Ordförande ______"), a line alone, or the name signing under it.
  // Roles written one after the other ("Sekreterare" / "Ordförande" /
  // "Justerande", then the three names) are taken in order. False for
  // anything else, which ends the block.
  bool front_signature_row(std::string_view text) {
    // Signature lines are runs of '_' or '.'; what is left is roles or names,
    // one a cell ("Justerande ....... ......." over "Elin Forsmark<tab>Ronny Stål").
    std::string bare;
    for (std::size_t k = 0; k < text.size(); ++k) {
      const char c = text[k];
      const bool dots = c == '.' && ((k + 1 < text.size() && text[k + 1] == '.') || (k > 0 && text[k - 1] == '.'));
      bare += (c == '_' || dots) ? ' ' : c;
    }
    std::vector<std::string> parts;
    for (const auto& c : cells(bare))
      if (!strip_punct(trim(c)).empty()) parts.emplace_back(strip_punct(trim(c)));
    if (parts.empty()) return true;
    const auto role_of = [](const std::string& low) {
      if (low == "sekreterare" || low == "protokollförare") return L::secretary;
      if (low == "ordförande") return L::chair;
      if (low == "justerare" || low == "justerande" || low == "justeras") return L::adjusters;
      if (low == "vid protokollet" || low == "vid anteckningarna") return L::writer;
      return L::none;
    };
    if (std::all_of(parts.begin(), parts.end(), [&](const std::string& p) { return role_of(lower(p)) != L::none; })) {
      for (const auto& p : parts) front_signature_roles_.push_back(role_of(lower(p)));
      return true;
    }
    // With every role signed, only adjusters go on signing.
    if (front_signature_roles_.empty() && front_signed_ != L::adjusters) return false;
    if (!std::all_of(parts.begin(), parts.end(), [](const std::string& p) { return looks_like_person(p); }))
      return false;
    for (const auto& name : parts) {
      // Two names under one "Justerande": both adjust.
      if (!front_signature_roles_.empty()) {
        front_signed_ = front_signature_roles_.front();
        front_signature_roles_.erase(front_signature_roles_.begin());
      }
      add_role_names(front_signed_, name);
      // The secretary who signs the protocol wrote it.
      if (front_signed_ == L::secretary && out_.writer.empty()) out_.writer = name;
    }
    return true;
  }

  // "Vid anteckningarna\t\tJusteras" or "Sekreterare\tOrdförande\tJusterare":
  // signature labels side by side; the names on the row below sign as the
  // label above them.
  bool signature_heading_row(const Line& l) {
    if (mode_ == Mode::annex) return false;
    // The columns stage may have made "Vid anteckningarna\tJusteras" a label
    // and its value: "Vid anteckningarna: Justeras".
    std::string text(l.text());
    if (const std::size_t colon = text.find(": "); text.find('\t') == npos && colon != npos && colon < 40)
      text = text.substr(0, colon) + '\t' + text.substr(colon + 2);
    if (text.find('\t') == npos) return false;
    const auto row = cells(text);
    if (row.size() < 2 || row.size() > 5) return false;
    std::vector<L> kinds;
    for (const auto& c : row) {
      // Only the kind is read, and it depends on the lower-cased text alone.
      const ProbeLine probe(strip_punct(c));
      L k = read_label(probe.line).kind;
      if (probe.low() == "justerare" || probe.low() == "justeras" || probe.low() == "justerande") k = L::adjusters;
      if (k != L::writer && k != L::adjusters && k != L::chair && k != L::secretary) return false;
      kinds.push_back(k == L::secretary ? L::writer : k);
    }
    flush_pending_people();
    signature_columns_ = std::move(kinds);
    closing_expect_ = signature_columns_.front();
    if (!out_.items.empty() || current_) {
      finish_item();
      mode_ = Mode::closing;
    }
    return true;
  }

  void closing_line() {
    const Line& l = line();
    // Signatures side by side: "Ulf Strandberg      Kerstin Malm",
    // "Helena Sjödin, ordförande      Jonas Wikström".
    if (l.text().find('\t') != npos && (closing_expect_ != L::none || !signature_columns_.empty())) {
      const auto row = cells(l.text());
      const auto name_of = [](const std::string& c) {
        return std::string(strip_punct(trim(std::string_view(c).substr(0, std::min(c.find(','), c.find('('))))));
      };
      if (std::all_of(row.begin(), row.end(), [&](const std::string& c) { return looks_like_person(name_of(c)); })) {
        for (std::size_t k = 0; k < row.size(); ++k) {
          // More names than labels ("Vid anteckningarna<tab>Justeras" over
          // three names): the labels before the last take one name each, the
          // last the rest, as a writer signs alone and adjusters in a row.
          const std::size_t columns = signature_columns_.size();
          const L kind = columns > 0 ? signature_columns_[std::min(k, columns - 1)]
                         : closing_expect_ == L::writer ? L::writer
                         : closing_expect_ == L::chair  ? L::chair
                                                        : L::adjusters;
          add_role_names(kind, name_of(row[k]));
          // "Helena Sjödin, ordförande": the chair signs as adjuster too.
          if (const std::size_t comma = row[k].find(','); comma != npos)
            if (auto r = role_word(lower(trim(std::string_view(row[k]).substr(comma + 1)))); r && *r == MeetingRole::chair)
              add_role_names(L::chair, name_of(row[k]));
        }
        signature_columns_.clear();
        return;
      }
    }
    const std::string bare = strip_parens(l.text());
    if (looks_like_person(bare) && closing_names_ < 6) {
      ++closing_names_;
      if (closing_expect_ == L::writer) {
        add_role_names(L::writer, l.text());
        closing_expect_ = L::none;
      } else if (closing_expect_ == L::adjusters) {
        add_role_names(L::adjusters, l.text());
      } else if (closing_expect_ == L::certifier) {
        out_.extensions.emplace("source.extract_certified_by", bare);
        closing_expect_ = L::none;
      } else if (closing_expect_ == L::chair) {
        add_role_names(L::chair, l.text());
        closing_expect_ = L::none;
      }
      return;
    }
    const auto dates = dates_in(l);
    if (closing_expect_ == L::adjusters && !dates.empty() && !out_.adjusted_on && l.text().size() < 40) {
      out_.adjusted_on = dates.front().date;
      return;
    }
    // "Protokollet har tillkännagivits på ... anslagstavla 2019-10-09"
    if (l.low().find("anslagstavla") != npos || l.low().find("tillkännagiv") != npos ||
        l.low().find("anslag") == 0) {
      out_.extensions["source.announcement"] = l.text();
      return;
    }
    if (l.low() == "ordförande" || l.low() == "justerare" || l.low() == "sekreterare") {
      closing_expect_ = l.low() == "ordförande" ? L::chair : l.low() == "justerare" ? L::adjusters : L::writer;
      return;
    }
    // Anything else after the signatures is a document appended to the record.
    mode_ = Mode::annex;
    annex_first_ = i_;
    annex_line();
  }

  bool leaves_annex() const {
    // A further protocol paragraph (§183 after §182) starts an item again.
    if (style_ == Style::paragraphs) {
      auto n = paragraph_number(line());
      return n && n->value > last_value_ && n->value <= last_value_ + 20 && line().heading;
    }
    return false;
  }

  void annex_line() {
    annex_last_ = i_;
    if (out_.items.empty()) return;
    auto& item = out_.items.back();
    if (money_column_row(item)) return;
    collect_amounts_dates(item, line());
  }

  // A table whose column heading gives the unit ("Belopp, kr", "Belopp
  // (tkr)", "Summa kronor"): the bare numbers under it are amounts of money.
  // True when the line was such a heading or row and has been read.
  bool money_column_row(ParsedItem& item) {
    const Line& l = line();
    if (l.text().find('\t') == npos) {
      money_column_ = npos;
      return false;
    }
    const auto row = cells(l.text());
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string low = lower(row[c]);
      const bool money = low.find("belopp") != npos || low.ends_with(" kr") || low.ends_with(", kr") ||
                         low.ends_with("(kr)") || low.ends_with("kronor") || low.ends_with("tkr") || low.ends_with("(tkr)");
      if (money && !is_digit(low.empty() ? ' ' : low[0])) {
        money_column_ = c;
        money_cells_ = row.size();
        money_unit_ = low.find("tkr") != npos ? " tkr" : low.find("mnkr") != npos ? " mnkr" : " kr";
        return true;
      }
    }
    if (money_column_ == npos || row.size() != money_cells_) return false;
    const std::string& cell = row[money_column_];
    bool number = !cell.empty();
    for (char ch : cell) number = number && (is_digit(ch) || ch == ' ' || ch == ',' || ch == '.');
    if (!number) return false;
    collect_amounts_dates(item, cell + std::string(money_unit_), l.first);
    return true;
  }

  // ---- items ----

  void touch_item() {
    item_last_ = i_;
    ++lines_since_title_;
  }

  void append_text(std::string_view text) {
    auto& t = current_->text;
    if (!t.empty() && t.back() != '\n') t += ' ';
    t += text;
  }

  void item_line(bool after_blank) {
    const Line& l = line();
    if (!current_) {
      // Text before the first item in a numbered record: the preamble.
      if (!preamble_.empty()) preamble_ += ' ';
      preamble_ += l.text();
      scan_meeting_level(l.text());
      return;
    }
    touch_item();
    // A title that came on its own line after "§182".
    if (title_pending_) {
      title_pending_ = false;
      current_->title = l.text();
      current_->provenance.last_line = l.last;
      scan_facts(l.text());
      purpose_from_title();
      lines_since_title_ = 0;
      return;
    }
    // A case number alone under the title: "RS190971", "RS 2023-00123", "Dnr HSN 2022/45".
    if (lines_since_title_ <= 2 && current_->case_number.empty() && looks_like_case_number(l.text())) {
      current_->case_number = std::string(case_number_value(l.text()));
      return;
    }
    // A purpose word alone under the title.
    if (lines_since_title_ <= 2 && current_->purposes.empty() && !l.bullet) {
      auto purposes = read_purposes(l.low());
      if (!purposes.empty()) {
        current_->purposes = purposes;
        return;
      }
    }
    if (in_proceeding_ && proceeding_line(after_blank)) return;
    if (decision_block_ && decision_line(after_blank)) return;
    if (list_target_ != L::none && list_line(after_blank)) return;

    const auto dates = dates_in(l);
    if (l.low().find("nästa möte") != npos && !dates.empty()) set_next_meeting(dates.front().date);

    if (current_->text.empty()) {
      current_->text = l.bullet ? "- " + std::string(l.text()) : std::string(l.text());
    } else if (l.bullet) {
      current_->text += "\n- " + std::string(l.text());
    } else if (after_blank || l.heading) {
      current_->text += "\n\n" + std::string(l.text());
    } else {
      append_text(l.text());
    }
    collect_amounts_dates(*current_, l);
  }

  static bool looks_like_case_number(std::string_view text) {
    if (text.size() > 30 || text.size() < 5) return false;
    int digits = 0;
    int letters = 0;
    for (char c : text) {
      if (is_digit(c)) ++digits;
      else if ((c >= 'A' && c <= 'Z')) ++letters;
      else if (c == ' ' || c == '-' || c == '/' || c == '.' || c == ':') continue;
      else if (c >= 'a' && c <= 'z') {
        ++letters;
        continue;
      } else
        return false;
    }
    return digits >= 3 && letters >= 1 && starts_upper(text) &&
           (all_caps(words(text)[0]) || lower(text).compare(0, 3, "dnr") == 0);
  }

  bool list_line(bool after_blank) {
    const Line& l = line();
    if (after_blank && !l.bullet && list_target_ == L::escalations) {
      list_target_ = L::none;
      return false;
    }
    if (l.text().size() > 200 || (!l.bullet && ends_sentence(l.text()) && words(l.text()).size() > 12)) {
      list_target_ = L::none;
      return false;
    }
    switch (list_target_) {
      case L::attachments:
        current_->attachments.emplace_back(l.text());
        collect_amounts_dates(*current_, l);
        return true;
      case L::sent_to:
        for (const auto& v : split_list(l.text())) current_->sent_to.push_back(v);
        return true;
      case L::escalations:
        current_->escalations.push_back({std::string(l.text()), escalation_to_, here()});
        collect_amounts_dates(*current_, l);
        return true;
      default:
        return false;
    }
  }

  // "Nr | Åtgärd | Ansvarig | Klart senast | Punkt": the columns of an action
  // list, when the row names an owner column and what is to be done.
  bool action_table_header(const Line& l) {
    if (l.text().find('\t') == npos || l.text().size() > 200) return false;
    const auto row = cells(l.text());
    if (row.size() < 2 || row.size() > 8) return false;
    std::vector<ActionColumn> columns;
    bool owner = false;
    bool what = false;
    for (const auto& c : row) {
      columns.push_back(action_column(lower(strip_punct(c))));
      owner = owner || columns.back() == ActionColumn::owner;
      what = what || columns.back() == ActionColumn::what;
    }
    if (!owner || !what) return false;
    action_columns_ = std::move(columns);
    return true;
  }

  // A row of the action list: an action item of the item its "Punkt" column
  // names, else of the item it stands in. A row that does not fit ends the list.
  bool action_row(const Line& l) {
    const auto row = cells(l.text());
    if (row.size() != action_columns_.size()) {
      if (row.size() >= 2 && l.text().find('\t') != npos)
        warn_here("an action list row whose cells do not match the list's columns");
      action_columns_.clear();
      return false;
    }
    ParsedAssignment a;
    a.provenance = here();
    std::string item_number;
    for (std::size_t k = 0; k < row.size(); ++k) {
      switch (action_columns_[k]) {
        case ActionColumn::owner: a.owner = strip_parens(row[k]); break;
        case ActionColumn::what: a.what = std::string(strip_punct(row[k])); break;
        case ActionColumn::due:
          if (const auto dates = dates_in(row[k]); !dates.empty()) a.due = dates.front().date;
          break;
        case ActionColumn::item: item_number = std::string(strip_punct(row[k])); break;
        default: break;
      }
    }
    if (a.owner.empty() && a.what.empty()) return true;
    auto same = [&](const std::string& number) {
      auto key = [](std::string n) {
        std::string out;
        for (char c : n)
          if (c != ' ' && c != '.' && c != ')') out += c;
        if (out.rfind("\xC2\xA7", 0) == 0) out = out.substr(2);
        return lower(out);
      };
      return !item_number.empty() && key(number) == key(item_number);
    };
    ParsedItem* target = nullptr;
    if (current_ && (item_number.empty() || same(current_->number))) target = &*current_;
    for (auto& it : out_.items)
      if (!target && same(it.number)) target = &it;
    if (!target && current_) target = &*current_;
    if (!target && !out_.items.empty()) target = &out_.items.back();
    if (!target) {
      warn_here("an action list row before any item");
      return true;
    }
    target->assignments.push_back(std::move(a));
    return true;
  }

  void assignment_line(std::string_view value) {
    // "Åtgärd: se åtgärdslistan, nr 1 och 2": a reference to the action list.
    if (lower(value).compare(0, 3, "se ") == 0) return;
    // "Uppdrag: Anna Berg tar fram ett förslag till nästa möte" / "Åtgärd: ..., ansvarig: Lisa Ek"
    ParsedAssignment a;
    a.provenance = here();
    std::string what(value);
    const std::string low = lower(value);
    const std::size_t resp = low.find("ansvarig:");
    if (resp != npos) {
      a.owner = std::string(strip_punct(std::string_view(value).substr(resp + 9)));
      what = std::string(strip_punct(std::string_view(value).substr(0, resp)));
    } else {
      const auto ws = words(value);
      for (std::size_t n = std::min<std::size_t>(4, ws.size()); n >= 2; --n) {
        std::string candidate;
        for (std::size_t k = 0; k < n; ++k) candidate += (k ? " " : "") + std::string(ws[k]);
        if (looks_like_person(candidate)) {
          a.owner = candidate;
          break;
        }
      }
      // "Åtgärd: Anders återkommer med ...": a first name, or a group, before
      // the verb of a plain statement of work.
      if (a.owner.empty()) {
        const std::size_t verb = action_verb(low);
        if (verb != npos && verb > 0 && verb < 40 && starts_upper(value)) {
          const std::string_view subject = trim(std::string_view(value).substr(0, verb));
          if (words(subject).size() <= 3) a.owner = std::string(subject);
        }
      }
    }
    // "Åtgärd: Skicka rutinen på remiss" / "Ansvar: Erik Bergkvist" /
    // "Tidplan: Senast 2026-12-11": the owner and the due date on the
    // labelled lines below it.
    std::optional<Date> due_below;
    for (std::size_t j = i_ + 1; j < lines_.size() && j <= i_ + 3; ++j) {
      const Line& next = lines_[j];
      if (next.blank()) break;
      const Label below = read_label(next);
      if (below.kind == L::responsible && a.owner.empty() && !below.value.empty()) {
        a.owner = below.value;
      } else if (next.low().starts_with("tidplan") || next.low().starts_with("klart") ||
                 next.low().starts_with("deadline") || next.low().starts_with("senast") ||
                 next.low().starts_with("när:") || next.low().starts_with("slutdatum")) {
        if (const auto dates = dates_in(next.text()); !dates.empty()) due_below = dates.back().date;
      } else {
        break;
      }
      skip_until_ = j;
      skip_set_ = true;
      a.provenance.last_line = next.last;
    }
    // "Jonas Berg tar fram en prognos": the owner is not part of what is to be done.
    if (!a.owner.empty() && what.compare(0, a.owner.size(), a.owner) == 0)
      what = std::string(strip_punct(std::string_view(what).substr(a.owner.size())));
    a.what = what;
    take_due(a);
    if (due_below && !a.due) a.due = due_below;
    if (a.owner.empty()) warn_here("an assignment without an owner that could be read");
    current_->assignments.push_back(std::move(a));
  }

  // "Ansvarig: Anna Berg, klart 2025-05-01" under a decision or a sentence:
  // an action item for what was just written, owned by the name.
  void responsible_line(std::string_view first) {
    ParsedAssignment a;
    std::string value(first);
    // "Ansvarig: Per-Anders Lidén tar fram en plan för ... vid" / "särskilda
    // boenden ..., klart senast 15 maj.": the sentence goes on over the lines
    // below, and its due date may be there.
    std::size_t last = i_;
    if (!ends_sentence(value)) {
      for (std::size_t j = i_ + 1; j < lines_.size() && j <= i_ + 4; ++j) {
        const Line& next = lines_[j];
        if (next.blank() || next.bullet || is_noise(next) || read_label(next).kind != L::none ||
            paragraph_number(next) || numbered_at(j))
          break;
        value += ' ';
        value += next.text();
        last = j;
        if (ends_sentence(next.text())) break;
      }
    }
    a.provenance = span(i_, last);
    if (last > i_) {
      skip_until_ = last;
      skip_set_ = true;
    }
    // "Lina Carlström skickar rutinen ...", "Stina Ek och Åsa Jonsson
    // sammanställer ...": a sentence with its owners as subject, one action
    // item per owner, the work and the due date from the sentence.
    {
      const std::size_t before = current_->assignments.size();
      std::optional<std::size_t> decision;
      if (!current_->decisions.empty() && last_decision_ < current_->decisions.size()) decision = last_decision_;
      const std::string_view sentence = trim(value);
      action_sentence(*current_, sentence, lower(sentence), decision);
      if (current_->assignments.size() > before) {
        for (std::size_t k = before; k < current_->assignments.size(); ++k)
          current_->assignments[k].provenance = a.provenance;
        return;
      }
    }
    std::string owner(value);
    if (const std::size_t comma = owner.find(','); comma != npos) owner = owner.substr(0, comma);
    owner = strip_parens(owner);
    // The owner is the name before a verb the vocabulary does not know.
    {
      const auto ws = words(owner);
      std::size_t keep = 0;
      for (std::size_t w = 0; w < ws.size(); ++w) {
        if (starts_upper(ws[w]) || (w > 0 && (ws[w] == "och" || ws[w] == "&" || ws[w] == "af" || ws[w] == "von") &&
                                    w + 1 < ws.size() && starts_upper(ws[w + 1])))
          keep = w + 1;
        else
          break;
      }
      if (keep > 0 && keep < ws.size()) {
        const std::size_t end = static_cast<std::size_t>(ws[keep - 1].data() + ws[keep - 1].size() - owner.data());
        if (looks_like_person(owner.substr(0, end))) owner = owner.substr(0, end);
      }
    }
    a.owner = std::string(strip_punct(owner));
    const auto dates = dates_in(value);
    if (!dates.empty()) a.due = dates.back().date;
    if (!current_->decisions.empty() && last_decision_ < current_->decisions.size()) {
      const auto& d = current_->decisions[last_decision_];
      a.what = d.text.empty() ? d.proposal : d.text;
      a.decision = last_decision_;
    } else {
      const std::string& t = current_->text;
      const auto found = sentences(t);
      if (!found.empty()) a.what = std::string(strip_punct(std::string_view(t).substr(found.back().first,
                                                                                     found.back().second - found.back().first)));
    }
    // One action item per owner and work: "Ansvarig" under a sentence that already named its owner adds nothing.
    for (const auto& e : current_->assignments)
      if (fold(e.owner) == fold(a.owner) && e.what == a.what) return;
    if (a.owner.empty()) return;
    current_->assignments.push_back(std::move(a));
  }

  std::size_t current_index() const { return out_.items.size(); }

  // ---- decisions ----

  struct DecisionBlock {
    L kind = L::decision;
    std::string lead;        // "Regionstyrelsens hälso- och sjukvårdsutskott beslutar att"
    std::string body;
    bool blank = false;      // a blank line was seen inside the block
    bool after_lead = false;
    std::size_t proposals = 0;  // proposals read in this block
    bool any = false;
  };

  void open_decision_block(const Label& label) {
    close_decision_block();
    list_target_ = L::none;
    DecisionBlock b;
    b.kind = label.kind;
    decision_block_ = b;
    if (!label.value.empty()) decision_text(label.raw.empty() ? label.value : label.raw);
  }

  void close_decision_block() {
    if (!decision_block_) return;
    if (!decision_block_->any && current_) warn(lines_[std::min(i_, lines_.size() - 1)].first,
                                                "a decision heading with no decision under it", "");
    decision_block_.reset();
  }

  // Returns false when the line is not part of the block (the block closes).
  bool decision_line(bool after_blank) {
    auto& b = *decision_block_;
    const Line& l = line();
    if (after_blank && !l.bullet && b.any && !b.after_lead) {
      close_decision_block();
      return false;
    }
    if (l.heading && b.any) {
      close_decision_block();
      return false;
    }
    // A lead-in: "X beslutar att", "X beslutar:", "Styrgruppen föreslås besluta att",
    // "Styrgruppen ger Anna Berg i uppdrag att:" -- a list follows.
    const std::string_view low = l.low();
    // "Anna Berg (V) reserverar sig mot beslutet." under the decision: the
    // debate, read from the item's text.
    if (!l.bullet && starts_upper(l.text()) && is_proceeding_sentence(low)) {
      close_decision_block();
      return false;
    }
    const bool lead_end = low.ends_with(" att") || low.ends_with(":") || low.ends_with(" att:");
    bool lead_verb = false;
    for (std::string_view v : {"beslutar att", "besluta att", "beslutade att", "beslöt att", "beslutar:",
                               "föreslår att", "föreslås besluta", "i uppdrag att", "beslutar följande"})
      if (low.size() >= v.size() && low.find(v) != npos &&
          (low.ends_with(v) || low.ends_with(std::string(v) + ":") || low.find(v) + v.size() + 1 >= low.size()))
        lead_verb = true;
    // "Regionstyrelsen beslutar" alone on its line, its clauses listed below.
    if (!l.bullet && !lead_verb) {
      for (std::string_view v : {" beslutar", " beslutade", " beslöt", " föreslås besluta", " föreslår"}) {
        if (low.ends_with(v) || low.ends_with(std::string(v) + ":")) {
          const std::size_t next = next_content(i_);
          if (next != npos && (lines_[next].bullet || numbered_clause(lines_[next].low()) ||
                               lines_[next].low().starts_with("att "))) {
            lead_verb = true;
            if (!lead_end) {
              b.lead = l.text();
              b.body = decision_subject(l.text(), l.low());
              b.after_lead = true;
              return true;
            }
          }
        }
      }
    }
    // "2. Nämnden ger X i uppdrag att" / "återkomma med ...": a numbered
    // clause is a decision of its own, broken over lines, not a lead-in.
    const bool clause_number = l.text().size() > 3 && is_digit(l.text()[0]) &&
                               (l.text()[1] == '.' || l.text()[1] == ')' ||
                                (is_digit(l.text()[1]) && (l.text()[2] == '.' || l.text()[2] == ')')));
    if (!l.bullet && !clause_number && low.size() < 240 && lead_end && lead_verb) {
      b.lead = l.text();
      b.body = decision_subject(l.text(), l.low());
      b.after_lead = true;
      return true;
    }
    // A line that goes on from the decision above it ("mellan Region X" /
    // "och länets kommuner", a sentence broken by the converter).
    if (!l.bullet && b.any && !after_blank && last_decision_ < current_->decisions.size()) {
      const auto& d = current_->decisions[last_decision_];
      const std::string& prev = b.kind == L::proposal ? d.proposal : d.text;
      // "att återremittera ärendet, samt" / "att ge X i uppdrag ...": under
      // "X beslutar", each att-clause is a decision of its own.
      const std::string prev_low = lower(prev);
      const bool next_clause = !b.lead.empty() && low.starts_with("att ") && prev_low.starts_with("att ") &&
                               (prev_low.ends_with(",") || prev_low.ends_with(";") || prev_low.ends_with(".") ||
                                prev_low.ends_with(" samt") || prev_low.ends_with(" och"));
      if (next_clause) {
        // The joining word belongs to the list, not to the clause.
        std::string& text = current_->decisions[last_decision_].*(b.kind == L::proposal ? &ParsedDecision::proposal
                                                                                        : &ParsedDecision::text);
        for (std::string_view tail : {", samt", " samt", ", och", " och"})
          if (lower(text).ends_with(tail)) text.resize(text.size() - tail.size());
        while (!text.empty() && (text.back() == ',' || text.back() == ';')) text.pop_back();
      }
      if (!next_clause && (starts_lower(l.text()) || is_digit(l.text()[0]) || !ends_sentence(prev))) {
        continue_last_decision(l.text());
        return true;
      }
    }
    if (!l.bullet && b.any && after_blank) {
      close_decision_block();
      return false;
    }
    decision_text(l.text());
    return true;
  }

  // "1. att godkänna ...", "2) att ...", "a) att ...": a clause of a decision
  // listed by number under "X beslutar".
  static bool numbered_clause(std::string_view low) {
    std::size_t i = 0;
    while (i < low.size() && i < 2 && is_digit(low[i])) ++i;
    if (i == 0 && !low.empty() && low[0] >= 'a' && low[0] <= 'h') i = 1;
    if (i == 0 || i + 1 >= low.size() || (low[i] != '.' && low[i] != ')')) return false;
    return low.substr(i + 1).starts_with(" att ");
  }

  void continue_last_decision(std::string_view text) {
    auto& b = *decision_block_;
    auto& ds = current_->decisions;
    if (last_decision_ >= ds.size()) return;
    auto& d = ds[last_decision_];
    std::string& field = b.kind == L::proposal ? d.proposal : d.text;
    field += ' ';
    field += text;
    if (b.kind != L::proposal) d.kind = classify_decision(lower(b.lead + " " + d.text));
    d.provenance.last_line = line().last;
    collect_amounts_dates(*current_, text, line().first);
  }

  void set_lead(std::size_t index, const std::string& lead) {
    if (leads_.size() <= index) leads_.resize(index + 1);
    if (leads_[index].empty()) leads_[index] = lead;
  }

  void decision_text(std::string_view text) {
    // "Petra Nyman utsågs att justera anteckningarna. Dagordningen
    // godkändes.": sentences that each record a decision of their own, with
    // verbs of different kinds, are that many decisions.
    if (decision_block_->kind != L::proposal) {
      const auto parts = sentences(text);
      if (parts.size() >= 2 && parts.size() <= 6) {
        bool each = true;
        std::vector<DecisionKind> kinds;
        for (const auto& [a, b] : parts) {
          const std::string low = lower(text.substr(a, b - a));
          each = each && states_decision(low);
          kinds.push_back(classify_decision(low));
        }
        const bool differ = std::any_of(kinds.begin(), kinds.end(), [&](DecisionKind k) { return k != kinds.front(); });
        if (each && differ) {
          const std::string whole(text);
          for (const auto& [a, b] : parts) decision_text_one(std::string_view(whole).substr(a, b - a));
          return;
        }
      }
    }
    decision_text_one(text);
  }

  void decision_text_one(std::string_view text) {
    auto& b = *decision_block_;
    b.any = true;
    const std::string t(strip_punct_keep_period(text));
    const std::string low = lower(b.lead + " " + t);
    std::string body = b.body;
    if (body.empty()) body = decision_subject(t, lower(t));
    if (b.kind == L::proposal) {
      // Proposals pair with decisions already read, in order; or stand alone.
      ++b.proposals;
      for (std::size_t k = proposal_cursor_; k < current_->decisions.size(); ++k) {
        auto& d = current_->decisions[k];
        if (d.proposal.empty() && !d.text.empty()) {
          d.proposal = t;
          proposal_cursor_ = k + 1;
          last_decision_ = k;
          return;
        }
      }
      proposal_cursor_ = append_decision(&ParsedDecision::proposal, t, low, body, b.lead);
      return;
    }
    // A decision after its proposal: fill the proposal's decision in.
    for (std::size_t k = decision_cursor_; k < current_->decisions.size(); ++k) {
      auto& d = current_->decisions[k];
      if (d.text.empty()) {
        d.text = t;
        d.kind = classify_decision(low);
        if (d.body.empty()) d.body = body;
        d.provenance.last_line = line().last;
        decision_cursor_ = k + 1;
        last_decision_ = k;
        set_lead(k, b.lead);
        return;
      }
    }
    decision_cursor_ = append_decision(&ParsedDecision::text, t, low, body, b.lead);
    collect_amounts_dates(*current_, text, line().first);
  }

  // A new decision of the current item with `written` as its text or its
  // proposal; returns the cursor past it.
  std::size_t append_decision(std::string ParsedDecision::*field, const std::string& written, const std::string& low,
                              const std::string& body, const std::string& lead) {
    ParsedDecision d;
    d.kind = classify_decision(low);
    d.*field = written;
    d.body = body;
    d.provenance = here();
    current_->decisions.push_back(std::move(d));
    last_decision_ = current_->decisions.size() - 1;
    set_lead(last_decision_, lead);
    return current_->decisions.size();
  }

  static std::string_view strip_punct_keep_period(std::string_view text) {
    text = trim(text);
    while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == ':')) text.remove_suffix(1);
    while (!text.empty() && (text.front() == '-' || text.front() == ':' || text.front() == ' ')) text.remove_prefix(1);
    return text;
  }

  // "ger Anna Berg i uppdrag att ta fram ... till den 15 december",
  // "Arbetsgruppen får i uppdrag att ...", "uppdras åt förvaltningen att ...".
  // `lead` is the line that introduced a list ("Styrgruppen ger X i uppdrag att:").
  struct Assignment {
    ParsedAssignment assignment;
  };
  std::optional<Assignment> read_assignment(std::string_view text, std::string_view lead) const {
    std::string joined;
    if (!lead.empty() && lower(text).find("uppdrag") == npos && lower(lead).find("uppdrag") != npos) {
      joined = std::string(lead) + " " + std::string(text);
      text = joined;
    }
    const std::string low = lower(text);
    std::string owner;
    std::size_t what_at = npos;
    std::size_t at = low.find(" i uppdrag att");
    std::size_t uppdrag_len = 14;
    if (at == npos) {
      at = low.find(" i uppdrag till ");
      uppdrag_len = 16;
    }
    if (at != npos) {
      what_at = at + uppdrag_len;
      std::size_t g = npos;
      for (std::string_view v : {"ger ", "gav ", "ge ", "lämnar ", "lämna ", "gavs "}) {
        // The verb as a word: "Roger Nilsson" holds "ger " too.
        std::size_t p = low.rfind(v, at);
        while (p != npos && p > 0 && low[p - 1] != ' ') p = low.rfind(v, p - 1);
        if (p != npos && (p == 0 || low[p - 1] == ' ') && (g == npos || p + v.size() > g)) g = p + v.size();
      }
      if (g != npos && g <= at) {
        owner = std::string(strip_punct(text.substr(g, at - g)));
      } else {
        // "X får i uppdrag", "X fick", and the passive "X ges / gavs i
        // uppdrag": the subject before the verb nearest "i uppdrag".
        std::size_t f = npos;
        for (std::string_view v : {" får", " fick", " ges", " gavs"}) {
          const std::size_t p = low.rfind(v, at);
          if (p != npos && p + v.size() + 12 >= at && (f == npos || p > f)) f = p;
        }
        if (f != npos) {
          std::size_t start = low.rfind(". ", f);
          start = start == npos ? 0 : start + 2;
          owner = std::string(strip_punct(text.substr(start, f - start)));
        }
      }
    } else {
      // "uppdras åt X att", "uppdra åt X att" (a clause under "beslutar att").
      std::size_t u = npos;
      std::size_t u_len = 0;
      for (std::string_view v : {"uppdras åt ", "uppdra åt ", "uppdrar åt ", "uppdrog åt "}) {
        const std::size_t p = low.find(v);
        if (p != npos && (p == 0 || low[p - 1] == ' ') && p < u) {
          u = p;
          u_len = v.size();
        }
      }
      if (u == npos) return std::nullopt;
      const std::size_t att = low.find(" att ", u);
      if (att == npos) return std::nullopt;
      owner = std::string(strip_punct(text.substr(u + u_len, att - u - u_len)));
      what_at = att + 5;
    }
    Assignment out;
    auto& a = out.assignment;
    a.owner = owner;  // as written; the resolver names a new organisation with a capital
    std::string_view what = text.substr(std::min(what_at, text.size()));
    while (!what.empty() && (what.front() == ':' || what.front() == ' ')) what.remove_prefix(1);
    a.what = std::string(strip_punct(what));
    take_due(a);
    return out;
  }

  // "... till den 15 december", "... senast 2023-06-30": the due date, taken
  // out of what is to be done. "... till nästa möte" gives no date (the
  // readers of the labelled set agree) and stays in the text.
  void take_due(ParsedAssignment& a) const {
    const auto dates = dates_in(a.what);
    if (!dates.empty()) {
      a.due = dates.back().date;
      const std::string lw = lower(a.what);
      std::size_t cut = dates.back().begin;
      for (std::string_view phrase : {"senast den ", "till den ", "senast ", "till ", "före den ", "före ", "innan ", "den "}) {
        if (cut >= phrase.size() && lw.compare(cut - phrase.size(), phrase.size(), phrase) == 0) {
          cut -= phrase.size();
          break;
        }
      }
      if (cut > 0 && cut < a.what.size()) a.what = std::string(strip_punct(std::string_view(a.what).substr(0, cut)));
    }
  }

  // Assignments from the item's decisions, once their text is whole.
  void assignments_from_decisions(ParsedItem& item) {
    for (std::size_t d = 0; d < item.decisions.size(); ++d) {
      const auto& dec = item.decisions[d];
      const std::string& text = dec.text.empty() ? dec.proposal : dec.text;
      const std::string lead = d < leads_.size() ? leads_[d] : std::string();
      if (!dec.text.empty())
        for (const auto& [b, e] : sentences(dec.text)) {
          const std::string_view sentence = strip_punct_keep_period(std::string_view(dec.text).substr(b, e - b));
          action_sentence(item, sentence, lower(sentence), d);
        }
      if (lower(text).find("uppdra") == npos && lower(lead).find("uppdra") == npos) continue;
      auto found = read_assignment(text, lead);
      if (!found) continue;
      auto& a = found->assignment;
      a.decision = d;
      a.provenance = dec.provenance;
      if (a.owner.empty())
        warn(dec.provenance.first_line, "an assignment whose owner could not be read", text);
      item.decisions[d].kind = DecisionKind::assigned;
      item.assignments.push_back(std::move(a));
    }
  }


  // "Eva Lundqvist och Sara Nordlund fick i uppdrag att ...": work given to
  // several people together is one action item each, since an action item
  // has one owner; a name with "och" inside ("Hälso- och
  // sjukvårdsförvaltningen") is one owner.
  void split_joint_owners(ParsedItem& item) {
    for (std::size_t k = 0; k < item.assignments.size(); ++k) {
      const std::string owner = item.assignments[k].owner;
      if (owner.find(" och ") == npos && owner.find(',') == npos && owner.find(" & ") == npos) continue;
      // "Hälso- och sjukvårdsförvaltningen", "Vård- och omsorgsnämnden": one
      // compound name, its first half ending in a hyphen.
      if (owner.find("- och ") != npos && owner.find(',') == npos) continue;
      std::vector<std::string> parts;
      for (const auto& part : split_list(owner)) {
        const std::string name(strip_punct(strip_parens(part)));
        if (!looks_like_person(name) && !looks_like_organisation(name)) {
          parts.clear();
          break;
        }
        parts.push_back(name);
      }
      if (parts.size() < 2) continue;
      ParsedAssignment model = item.assignments[k];
      item.assignments[k].owner = parts[0];
      for (std::size_t p = 1; p < parts.size(); ++p) {
        ParsedAssignment more = model;
        more.owner = parts[p];
        item.assignments.insert(item.assignments.begin() + static_cast<std::ptrdiff_t>(k + p), std::move(more));
      }
      k += parts.size() - 1;
    }
  }

  // "Omar återkommer med ett förslag", "Kansliet skickar ut kallelsen senast
  // 2025-05-02", "Åtgärd: Lisa Ek tar fram underlag": an action item whose
  // owner is the subject, a person or a body named in a few capitalised words.
  void action_sentence(ParsedItem& item, std::string_view s, std::string_view low,
                       std::optional<std::size_t> decision) {
    const std::size_t at = action_verb(low);
    if (at == npos || at == 0 || reports_earlier(low)) return;
    std::string_view subject = s.substr(0, at);
    if (const std::size_t colon = subject.rfind(':'); colon != npos) subject = subject.substr(colon + 1);
    subject = trim(subject);
    // "Återremitteras till arbetsgruppen, som återkommer till TMB": the
    // body named before the relative clause does the work.
    if (const std::string ls = lower(subject); ls.ends_with(", som")) {
      std::string_view before = trim(subject.substr(0, subject.size() - 5));
      const std::string lb = lower(before);
      std::size_t from = npos;
      for (std::string_view w : {" till ", " åt ", " av ", " med "})
        if (const std::size_t f = lb.rfind(w); f != npos && (from == npos || f + w.size() > from)) from = f + w.size();
      if (from == npos) return;
      const std::string owner(strip_punct(before.substr(from)));
      if (words(owner).empty() || words(owner).size() > 5 || !looks_like_organisation(owner)) return;
      ParsedAssignment a;
      a.owner = owner;
      a.what = std::string(strip_punct(trim(s.substr(at))));
      a.decision = decision;
      a.provenance = provenance_of_text(item, s);
      take_due(a);
      for (const auto& e : item.assignments)
        if (fold(e.owner) == fold(a.owner)) return;
      item.assignments.push_back(std::move(a));
      return;
    }
    if (subject.empty() || !starts_upper(subject)) return;
    std::vector<std::string> owners;
    for (const auto& part : split_list(subject)) {
      const std::string name = strip_parens(part);
      const auto ws = words(name);
      if (ws.empty() || ws.size() > 5) return;
      bool ok = looks_like_person(name) || looks_like_organisation(name);
      if (!ok && ws.size() == 1 && starts_upper(name)) {
        const std::string lw = lower(name);
        ok = true;
        for (std::string_view stop : {"vi", "man", "det", "den", "detta", "dessa", "de", "alla", "ingen", "någon",
                                      "han", "hon", "var", "varje", "här", "där", "nu", "sedan", "då", "även",
                                      "också", "därefter", "dessutom", "samtliga", "flera", "många", "vem"})
          ok = ok && lw != stop;
      }
      if (!ok) return;
      owners.push_back(name);
    }
    std::string what(strip_punct(trim(s.substr(at))));
    for (const auto& owner : owners) {
      ParsedAssignment a;
      a.owner = owner;
      a.what = what;
      a.decision = decision;
      a.provenance = provenance_of_text(item, s);
      bool known = false;
      for (const auto& e : item.assignments) known = known || (fold(e.owner) == fold(owner) && e.what == a.what);
      if (known) continue;
      take_due(a);
      // "Ansvarig: X" read before this sentence named the same work.
      for (const auto& e : item.assignments) known = known || (fold(e.owner) == fold(owner) && !e.what.empty() &&
                                                               fold(a.what).find(fold(e.what)) != npos);
      if (known) continue;
      item.assignments.push_back(std::move(a));
    }
  }

  // ---- the debate: motions, votes, reservations ----

  void open_proceeding(Proceeding kind, std::size_t value_at) {
    close_decision_block();
    list_target_ = L::none;
    touch_item();
    auto& t = current_->text;
    if (!t.empty()) t += "\n\n";
    ProceedingPart part;
    part.kind = kind;
    part.text_begin = t.size();
    t += line().text();
    part.text_end = t.size();
    part.lines.push_back(i_);
    part.value_at = value_at;
    proceedings_.push_back(std::move(part));
    in_proceeding_ = true;
  }

  // A roll-call line: "Ja: Anna Berg (M), Per Ek (M)", "Nej (2): ...", or a
  // row "Anna Berg (M)\tJa".
  static bool roll_call_line(const Line& l) {
    const std::size_t colon = l.text().find(':');
    if (colon != npos && colon < 24) {
      std::string head = std::string(trim(std::string_view(l.low()).substr(0, colon)));
      if (const std::size_t open = head.find(" ("); open != npos) head = head.substr(0, open);
      if (vote_word(head)) return true;
    }
    const auto row = cells(l.text());
    if (row.size() >= 2)
      for (const auto& c : row)
        if (vote_word(lower(c))) return true;
    return false;
  }

  bool proceeding_line(bool after_blank) {
    const Line& l = line();
    auto& part = proceedings_.back();
    if (l.heading) {
      in_proceeding_ = false;
      return false;
    }
    if (after_blank && !is_proceeding_sentence(l.low()) && !roll_call_line(l) && !vote_counts(l.low())) {
      in_proceeding_ = false;
      return false;
    }
    auto& t = current_->text;
    t += after_blank ? "\n\n" : (l.bullet ? "\n- " : " ");
    t += l.text();
    part.text_end = t.size();
    part.lines.push_back(i_);
    collect_amounts_dates(*current_, l);
    return true;
  }

  // The members a reservation names: "Karin Dahl (SD) och Martin Kron (SD)",
  // "Ledamoten Olle Grind (V)"; or the party of "Ledamöterna för SD",
  // "Socialdemokraternas ledamöter", "SD-gruppen".
  static std::vector<ParsedReservation> reservation_members(std::string_view subject) {
    std::vector<ParsedReservation> out;
    subject = strip_punct(subject);
    for (const auto& part : split_list(subject)) {
      std::string name = strip_parens(part);
      // "Ledamoten Anna Berg", "Ersättaren Per Ek", "Ordföranden Lisa Holm".
      for (std::string_view lead : {"ledamoten ", "ledamöterna ", "ersättaren ", "ersättarna ", "ordföranden ",
                                    "vice ordföranden ", "även "}) {
        if (lower(name).compare(0, lead.size(), lead) == 0) name = std::string(trim(std::string_view(name).substr(lead.size())));
      }
      if (!looks_like_person(name)) continue;
      ParsedReservation r;
      r.name = name;
      for (const auto& m : marks_of(part))
        if (const auto p = party_mark(m); !p.empty()) r.party = std::string(p);
      out.push_back(std::move(r));
    }
    if (!out.empty()) return out;
    const std::string low = lower(subject);
    const bool group = low.find("ledamot") != npos || low.find("ledamöter") != npos || low.find("gruppen") != npos ||
                       low.find("företrädare") != npos || low.find("representanter") != npos ||
                       low.find("partiet") != npos || low.find("demokraterna") != npos || low.find("moderaterna") != npos ||
                       low.find("liberalerna") != npos;
    if (!group) return out;
    for (auto w : words(subject)) {
      std::string word(strip_punct(w));
      while (!word.empty() && (word.front() == '(')) word.erase(0, 1);
      while (!word.empty() && (word.back() == ')')) word.pop_back();
      for (std::string_view suffix : {":s", "-gruppen", "-ledamöterna", "-ledamöter", "s-gruppen"})
        if (word.size() > suffix.size() && lower(word).ends_with(suffix)) word.resize(word.size() - suffix.size());
      std::string_view party = party_mark(word);
      if (party.empty()) party = party_of_word(lower(word));
      if (party.empty()) continue;
      ParsedReservation r;
      r.party = std::string(party);
      out.push_back(std::move(r));
      break;
    }
    return out;
  }

  // Reservations of one sentence: the members before "reserverar sig";
  // under a "Reservation" heading a sentence may be names alone.
  static std::vector<ParsedReservation> reservations_in(std::string_view sentence, bool under_heading) {
    const std::string low = lower(sentence);
    std::size_t at = reservation_phrase(low);
    if (at == npos) {
      if (!under_heading) return {};
      at = sentence.size();
      for (std::string_view stop : {" till förmån", " mot beslutet", " med hänvisning", " enligt bilaga", ", bilaga",
                                    " mot förslaget", " i ärendet"})
        if (const std::size_t p = low.find(stop); p != npos && p < at) at = p;
    }
    auto out = reservation_members(sentence.substr(0, at));
    for (auto& r : out) r.text = std::string(sentence);
    return out;
  }

  struct VoteAt {
    ParsedVote vote;
    std::size_t line = 0;
    bool counted = false;
  };

  static void add_casts(const Line& l, std::vector<ParsedVoteCast>& casts) {
    const std::size_t colon = l.text().find(':');
    if (colon != npos && colon < 24) {
      std::string head = std::string(trim(std::string_view(l.low()).substr(0, colon)));
      if (const std::size_t open = head.find(" ("); open != npos) head = head.substr(0, open);
      if (const auto option = vote_word(head)) {
        for (const auto& part : split_list(std::string_view(l.text()).substr(colon + 1))) {
          const std::string name = strip_parens(part);
          if (looks_like_person(name)) casts.push_back({name, static_cast<VoteOption>(*option)});
        }
        return;
      }
    }
    const auto row = cells(l.text());
    if (row.size() < 2) return;
    std::optional<int> option;
    std::string name;
    for (const auto& c : row) {
      if (auto o = vote_word(lower(c))) option = o;
      else if (name.empty() && looks_like_person(strip_parens(c))) name = strip_parens(c);
    }
    if (option && !name.empty()) casts.push_back({name, static_cast<VoteOption>(*option)});
  }

  // Votes and reservations of the item, tied to its decisions: a vote to
  // the decision it came before (the record states the decision after the
  // vote), else the last one; a reservation to the decision it follows,
  // else the first.
  void read_proceedings(ParsedItem& item) {
    std::vector<VoteAt> votes;
    std::vector<std::pair<ParsedReservation, std::size_t>> reservations;
    std::string question;
    auto sentence = [&](std::string_view s, std::size_t line_no, const Provenance& where, bool reservation_heading) {
      s = strip_punct_keep_period(s);
      if (s.empty()) return;
      const std::string low = lower(s);
      if (auto counts = vote_counts(low)) {
        VoteAt v;
        v.vote.yes = counts->yes;
        v.vote.no = counts->no;
        v.vote.abstain = counts->abstain;
        v.vote.provenance = where;
        v.line = line_no;
        v.counted = true;
        votes.push_back(std::move(v));
      } else if (low.starts_with("ja-röst för") || low.starts_with("ja för") || low.find(" ja-röst för ") != npos ||
                 low.starts_with("jaröst för")) {
        question = std::string(s);
      }
      for (auto& r : reservations_in(s, reservation_heading)) {
        r.provenance = where;
        reservations.emplace_back(std::move(r), line_no);
      }
    };
    for (const auto& part : proceedings_) {
      const std::string_view text = std::string_view(item.text).substr(
          std::min(part.text_begin, item.text.size()),
          std::min(part.text_end, item.text.size()) - std::min(part.text_begin, item.text.size()));
      const std::size_t first = lines_[part.lines.front()].first;
      const Provenance where = span(part.lines.front(), part.lines.back());
      // The heading itself is no sentence of the debate; its value is.
      const std::size_t heading_size = lines_[part.lines.front()].text().size();
      const std::size_t value_at = std::min(part.value_at, heading_size);
      const std::string_view body = text.substr(std::min(value_at, text.size()));
      std::size_t para_start = 0;
      while (para_start < body.size()) {
        std::size_t para_end = body.find('\n', para_start);
        if (para_end == npos) para_end = body.size();
        const std::string_view para = body.substr(para_start, para_end - para_start);
        for (const auto& [b, e] : sentences(para))
          sentence(para.substr(b, e - b), first, where, part.kind == Proceeding::reservation);
        para_start = para_end + 1;
      }
      std::vector<ParsedVoteCast> casts;
      for (std::size_t k = 0; k < part.lines.size(); ++k) {
        const Line& l = lines_[part.lines[k]];
        if (k == 0) {
          if (value_at >= l.text().size()) continue;
          Line value = l;
          lines_.narrow(value, value_at);
          add_casts(value, casts);
          continue;
        }
        add_casts(l, casts);
      }
      if (casts.empty()) continue;
      std::uint32_t tally[3] = {0, 0, 0};
      for (const auto& c : casts) ++tally[static_cast<int>(c.option)];
      VoteAt* target = nullptr;
      for (auto& v : votes)
        if (v.vote.casts.empty() && (v.vote.yes == tally[0] && v.vote.no == tally[1])) target = &v;
      if (!target && !votes.empty() && votes.back().vote.casts.empty()) target = &votes.back();
      if (!target) {
        VoteAt v;
        v.vote.yes = tally[0];
        v.vote.no = tally[1];
        v.vote.abstain = tally[2];
        v.vote.provenance = where;
        v.line = first;
        votes.push_back(std::move(v));
        target = &votes.back();
      }
      target->vote.casts = std::move(casts);
    }
    // A count written after the roll call ("Med 3 ja-röster mot 3
    // nej-röster") is the same vote as the roll call, not another.
    for (std::size_t k = 0; k + 1 < votes.size(); ++k) {
      auto& a = votes[k];
      auto& b = votes[k + 1];
      if (a.counted != b.counted && a.vote.yes == b.vote.yes && a.vote.no == b.vote.no) {
        auto& keep = a.counted ? a : b;
        auto& drop = a.counted ? b : a;
        if (keep.vote.casts.empty()) keep.vote.casts = std::move(drop.vote.casts);
        keep.line = std::min(keep.line, drop.line);
        votes.erase(votes.begin() + static_cast<std::ptrdiff_t>(&drop - votes.data()));
        --k;
      }
    }
    for (const auto& p : inline_proceedings_) sentence(p.sentence, p.provenance.first_line, p.provenance, false);
    if (votes.empty() && reservations.empty()) return;
    if (item.decisions.empty()) {
      warn(item.provenance.first_line, "a vote or reservation with no decision of the item to tie it to", item.title);
      return;
    }
    // Decisions in the order the record wrote them.
    std::vector<std::size_t> order(item.decisions.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return item.decisions[a].provenance.first_line < item.decisions[b].provenance.first_line;
    });
    auto substantive = [&](std::size_t k) { return !item.decisions[k].procedural; };
    auto after = [&](std::size_t line_no) -> std::optional<std::size_t> {
      for (std::size_t k : order)
        if (item.decisions[k].provenance.first_line > line_no && substantive(k)) return k;
      return std::nullopt;
    };
    auto before = [&](std::size_t line_no) -> std::optional<std::size_t> {
      std::optional<std::size_t> found;
      for (std::size_t k : order)
        if (item.decisions[k].provenance.first_line <= line_no && substantive(k)) found = k;
      // The first of a list under one lead ("beslutar att 1. ... 2. ...").
      if (found) {
        const std::string lead = *found < leads_.size() ? leads_[*found] : std::string();
        if (!lead.empty())
          for (std::size_t k : order)
            if (k < leads_.size() && leads_[k] == lead && substantive(k)) return k;
      }
      return found;
    };
    auto fallback = [&]() -> std::size_t {
      for (std::size_t k : order)
        if (substantive(k)) return k;
      return order.front();
    };
    for (auto& v : votes) {
      if (!question.empty() && v.vote.question.empty()) v.vote.question = question;
      auto k = after(v.line);
      if (!k) k = before(v.line);
      item.decisions[k.value_or(fallback())].votes.push_back(std::move(v.vote));
    }
    for (auto& [r, line_no] : reservations) {
      auto k = before(line_no);
      if (!k) k = after(line_no);
      const std::size_t d = k.value_or(fallback());
      auto& list = item.decisions[d].reservations;
      bool known = false;
      for (const auto& e : list) known = known || (fold(e.name) == fold(r.name) && e.party == r.party);
      if (known) continue;
      if (r.name.empty()) party_reservations_.emplace_back(out_.items.size(), d);
      list.push_back(std::move(r));
    }
  }

  // "Ledamöterna för SD reserverar sig": one reservation for each serving
  // member of the party: present, and not a substitute who did not serve.
  void expand_party_reservations() {
    std::set<std::pair<std::size_t, std::size_t>> done;
    for (const auto& [item, decision] : party_reservations_) {
      if (item >= out_.items.size() || decision >= out_.items[item].decisions.size()) continue;
      if (!done.insert({item, decision}).second) continue;
      auto& list = out_.items[item].decisions[decision].reservations;
      std::vector<ParsedReservation> expanded;
      for (auto& r : list) {
        if (!r.name.empty()) {
          expanded.push_back(std::move(r));
          continue;
        }
        bool any = false;
        for (const auto& a : out_.attendees) {
          if (a.party != r.party || a.status != AttendanceStatus::present) continue;
          if (a.note.find("ersättare") != npos && a.substitute_for.empty()) continue;
          bool guest = false;
          for (auto role : a.roles) guest = guest || role == MeetingRole::guest || role == MeetingRole::coopted;
          if (guest) continue;
          bool known = false;
          for (const auto& e : expanded) known = known || fold(e.name) == fold(a.name);
          for (const auto& e : list) known = known || (!e.name.empty() && fold(e.name) == fold(a.name));
          if (known) continue;
          ParsedReservation m = r;
          m.name = a.name;
          expanded.push_back(std::move(m));
          any = true;
        }
        if (!any)
          warn(r.provenance.first_line, "a reservation for the party " + r.party + ", none of whose members is listed as serving",
               r.text);
      }
      list = std::move(expanded);
    }
  }

  // ---- text-wide facts ----

  void scan_facts(std::string_view text) {
    if (current_) collect_amounts_dates(*current_, text, line().first);
  }

  void scan_meeting_level(std::string_view text) {
    const std::string low = lower(text);
    if (low.find("nästa möte") != npos) {
      const auto dates = dates_in(text);
      if (!dates.empty()) set_next_meeting(dates.front().date);
    }
  }

  void collect_amounts_dates(ParsedItem& item, const Line& l) { collect_amounts_dates(item, l.text(), l.low(), l.first); }
  void collect_amounts_dates(ParsedItem& item, std::string_view text, std::size_t source_line) {
    collect_amounts_dates(item, text, lower(text), source_line);
  }
  void collect_amounts_dates(ParsedItem& item, std::string_view text, std::string_view low, std::size_t source_line) {
    // "... ett underskott på drygt" / "8,5 mnkr": the word that makes the
    // amount approximate may end the line above this one.
    if (i_ > 0 && i_ < lines_.size() && text.data() == lines_[i_].text().data() && !lines_[i_ - 1].blank()) {
      const std::string_view above = lines_[i_ - 1].low();
      const std::size_t sp = above.find_last_of(" \t");
      const std::string_view word = sp == npos ? above : above.substr(sp + 1);
      if (is_approximation_word(word)) {
        const std::string joined = std::string(word) + ' ' + std::string(text);
        collect_amounts_dates(item, joined, lower(joined), source_line);
        return;
      }
    }
    for (const auto& a : find_amounts_lowered(low)) {
      if (a.irregular) {
        warn(source_line, "an amount whose digit groups do not make a number",
             text.substr(a.begin, a.end - a.begin));
        continue;
      }
      if (std::find(item.amounts.begin(), item.amounts.end(), a.money) == item.amounts.end())
        item.amounts.push_back(a.money);
    }
    for (const auto& d : near_meeting(find_dates_lowered(low, year())))
      if (std::find(item.dates.begin(), item.dates.end(), d.date) == item.dates.end()) item.dates.push_back(d.date);
  }

  // Decisions, assignments and escalations written in running text.
  void scan_sentences(ParsedItem& item) {
    const std::string text = item.text;
    // Lower-cased once for the item: each sentence's is a view of it (a
    // sentence starts after ASCII punctuation or space, so the offsets agree).
    const std::string low_text = lower(text);
    std::size_t para_start = 0;
    while (para_start < text.size()) {
      std::size_t para_end = text.find('\n', para_start);
      if (para_end == npos) para_end = text.size();
      const std::string_view para = std::string_view(text).substr(para_start, para_end - para_start);
      for (const auto& [b, e] : sentences(para)) {
        std::string_view s = strip_punct_keep_period(para.substr(b, e - b));
        if (s.size() < 8 || s.size() > 1200) continue;
        // Under "Reservation", "Omröstning", ...: read by read_proceedings().
        const std::size_t offset = para_start + b;
        const ProceedingPart* in_part = nullptr;
        for (const auto& part : proceedings_)
          if (offset >= part.text_begin && offset < part.text_end) in_part = &part;
        const std::string_view low =
            std::string_view(low_text).substr(static_cast<std::size_t>(s.data() - text.data()), s.size());
        if (in_part && (in_part->kind != Proceeding::motions && in_part->kind != Proceeding::order)) continue;
        if (in_part && is_proceeding_sentence(low)) continue;
        action_sentence(item, s, low, std::nullopt);
        // A motion, a proposition, a vote or a reservation written in the
        // running text: the debate, never a decision of its own.
        if (is_proceeding_sentence(low)) {
          inline_proceedings_.push_back({std::string(s), provenance_of_text(item, s)});
          continue;
        }
        // Escalations: "Frågan lyfts till X", "eskaleras till X".
        for (const std::size_t at = escalation_at(low); at != npos;) {
          const std::string name = escalation_name(s.substr(at));
          item.escalations.push_back({std::string(s), body_name(name), provenance_of_text(item, s)});
          // "Frågan lyfts till Politiskt samråd" is also what the meeting decided.
          bool known = false;
          for (const auto& d : item.decisions) known = known || d.text == s;
          if (!known) {
            ParsedDecision d;
            d.kind = DecisionKind::escalated;
            d.text = std::string(s);
            d.provenance = item.escalations.back().provenance;
            item.decisions.push_back(std::move(d));
          }
          break;
        }
        if (!states_decision(low)) continue;
        // The same words already read from a decision block.
        bool known = false;
        const std::string folded = fold(s);
        for (const auto& d : item.decisions) known = known || fold(d.text) == folded || fold(d.proposal) == folded;
        if (known) continue;
        ParsedDecision d;
        d.kind = classify_decision(low);
        d.text = std::string(s);
        d.body = decision_subject(s, low);
        d.provenance = provenance_of_text(item, s);
        item.decisions.push_back(std::move(d));
        if (leads_.size() < item.decisions.size()) leads_.resize(item.decisions.size());
      }
      para_start = para_end + 1;
    }
  }

  // The lines of the item the sentence came from: found by its first words.
  Provenance provenance_of_text(const ParsedItem& item, std::string_view sentence) const {
    const std::string needle(sentence.substr(0, std::min<std::size_t>(sentence.size(), 24)));
    for (std::size_t k = item_first_; k <= item_last_ && k < lines_.size(); ++k) {
      if (lines_[k].text().find(needle) != npos) {
        std::size_t last = k;
        // A sentence broken over lines ends where its last words are.
        const std::string tail(sentence.substr(sentence.size() > 16 ? sentence.size() - 16 : 0));
        for (std::size_t m = k; m <= item_last_ && m < lines_.size() && m < k + 8; ++m)
          if (lines_[m].text().find(tail) != npos) {
            last = m;
            break;
          }
        return span(k, last);
      }
    }
    return item.provenance;
  }

  // ---- after the pass ----

  void apply_roles() {
    for (auto& r : roles_) {
      ParsedAttendee* a = find_attendee(r.name);
      if (!a) {
        ParsedAttendee n;
        n.name = r.name;
        n.provenance = r.provenance;
        attendee_index_.emplace(fold(n.name), out_.attendees.size());
        a = &out_.attendees.emplace_back(std::move(n));
      }
      add_role(*a, r.role);
    }
  }

  // "Ärende 8 Nästa möte" / "2027-01-19 kl. 08.30–12.00, Härnösand": the
  // item about the next meeting dates it when no label did.
  void next_meeting_from_item() {
    if (out_.next_meeting) return;
    for (const auto& item : out_.items) {
      const std::string title = lower(strip_punct(item.title));
      if (!title.starts_with("nästa möte") && !title.starts_with("nästa sammanträde") &&
          !title.starts_with("kommande möte"))
        continue;
      for (const auto& d : dates_in(item.text))
        if (!out_.date || d.date > *out_.date) {
          set_next_meeting(d.date);
          return;
        }
    }
  }

  // "4 Ekonomi" over "4 a Budget" and "4 b Statsbidrag": a heading that only
  // groups the items under it is not an item of its own.
  void drop_empty_parents() {
    for (std::size_t k = 0; k + 1 < out_.items.size();) {
      const ParsedItem& it = out_.items[k];
      const std::string& next = out_.items[k + 1].number;
      const bool empty = it.text.empty() && it.decisions.empty() && it.amounts.empty() && it.assignments.empty() &&
                         it.escalations.empty() && it.presenters.empty();
      const bool parent = !it.number.empty() && next.size() > it.number.size() && next.starts_with(it.number) &&
                          !is_digit(next[it.number.size()]);
      if (!(empty && parent)) {
        ++k;
        continue;
      }
      out_.items.erase(out_.items.begin() + static_cast<std::ptrdiff_t>(k));
    }
  }

  // A decision log kept as a table: "Nr<tab>Ärende<tab>Föredragande<tab>
  // Beslut/åtgärd", each row's cells wrapped over the lines below it (their
  // first cells empty). The rows are written out as the items they are,
  // "N. Title" / "Föredragande: X" / "Beslut: text", so that the readers of
  // items take them; the source lines stay as they were numbered.
  // "Namn" / "Parti" / "Funktion" / "Anmärkning" and then each row's cells,
  // one a line, an empty cell a blank line: a Word table saved as text.
  // The run is made into rows with their cells again, so the attendance
  // readers see the table it was. A row must start with a person and keep
  // its party column a party: where the pattern fails, the table ends.
  void recover_cell_lines() {
    for (std::size_t h = 0; h + 2 < lines_.size(); ++h) {
      const auto single = [&](std::size_t k) {
        return k < lines_.size() && !lines_[k].blank() && !lines_[k].rule &&
               lines_[k].text().find('\t') == npos && lines_[k].text().size() <= 40;
      };
      if (!single(h) || (h > 0 && single(h - 1) && attendance_column(lower(strip_punct(lines_[h - 1].text()))) !=
                                                       AttendanceColumn::none))
        continue;
      if (attendance_column(lower(strip_punct(lines_[h].text()))) != AttendanceColumn::name) continue;
      std::vector<AttendanceColumn> columns;
      std::size_t k = h;
      while (single(k) && columns.size() < 7) {
        const AttendanceColumn c = attendance_column(lower(strip_punct(lines_[k].text())));
        if (c == AttendanceColumn::none) break;
        columns.push_back(c);
        ++k;
      }
      const std::size_t n = columns.size();
      if (n < 2 || single(k) == false) continue;
      std::vector<std::vector<std::string>> rows;
      std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
      std::size_t j = k;
      while (j + 1 < lines_.size()) {
        if (lines_[j].blank() || !looks_like_person(strip_parens(lines_[j].text()))) break;
        std::vector<std::string> row;
        bool fits = true;
        std::size_t last = j;
        for (std::size_t c = 0; c < n; ++c) {
          const std::size_t at = j + c;
          if (at >= lines_.size() || lines_[at].rule || lines_[at].text().find('\t') != npos) {
            fits = false;
            break;
          }
          const std::string cell(trim(lines_[at].text()));
          if (columns[c] == AttendanceColumn::party && !cell.empty() && party_mark(strip_parens(cell)).empty())
            fits = false;
          if (c > 0 && columns[c] != AttendanceColumn::name && cell.size() > 80) fits = false;
          if (!fits) break;
          row.push_back(cell);
          if (!cell.empty()) last = at;
        }
        // The last row may end early: its empty cells after the table's end.
        if (!fits) break;
        rows.push_back(std::move(row));
        spans.emplace_back(lines_[j].first, lines_[last].last);
        j += n;
      }
      if (rows.size() < 2) continue;
      std::vector<Line> written;
      const auto row_line = [&](const std::vector<std::string>& cells_of_row, std::uint32_t first, std::uint32_t last) {
        std::string text;
        for (const auto& c : cells_of_row)
          if (!c.empty()) text += (text.empty() ? "" : "\t") + c;
        Line base;
        base.first = first;
        base.last = last;
        Line out = lines_.with_text(base, text);
        lines_.set_cells(out, cells_of_row);
        return out;
      };
      std::vector<std::string> heads;
      for (std::size_t c = 0; c < n; ++c) heads.emplace_back(lines_[h + c].text());
      written.push_back(row_line(heads, lines_[h].first, lines_[h + n - 1].last));
      for (std::size_t r = 0; r < rows.size(); ++r) written.push_back(row_line(rows[r], spans[r].first, spans[r].second));
      lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(h), lines_.begin() + static_cast<std::ptrdiff_t>(j));
      lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(h), written.begin(), written.end());
      h += written.size() - 1;
    }
  }

  // The unit of a table's amount column, from its heading: "Belopp (tkr)",
  // "Summa, mnkr", "Kronor" give " tkr", " mnkr", " kr"; else empty.
  static std::string_view amount_column_unit(std::string_view low) {
    if (low.size() > 30 || low.find_first_of("0123456789") != npos) return {};
    if (low.find("tkr") != npos || low.find("tusen kr") != npos || low.find("tusental kr") != npos) return " tkr";
    if (low.find("mnkr") != npos || low.find("mkr") != npos || low.find("miljoner kr") != npos) return " mnkr";
    if (find_word(low, "kr") != npos || find_word(low, "kronor") != npos || find_word(low, "sek") != npos)
      return " kr";
    return {};
  }

  // "14 600", "3,5", "-1 200": a number alone in a cell.
  static bool bare_number(std::string_view cell) {
    cell = trim(cell);
    if (cell.empty() || cell.size() > 20) return false;
    std::size_t digits = 0;
    for (std::size_t k = 0; k < cell.size(); ++k) {
      const char c = cell[k];
      if (is_digit(c)) ++digits;
      else if (!(c == ' ' || c == ',' || c == '.' || (k == 0 && c == '-'))) return false;
    }
    return digits > 0 && is_digit(cell.back());
  }

  // A table whose amount column says its unit in the heading ("Mottagare" /
  // "Belopp (tkr)" / "Primärvården Sörmland" / "14 600"): its bare numbers
  // are amounts in that unit, so the unit is written after each, and a
  // table of one cell a line is made rows again.
  void recover_amount_table() {
    for (std::size_t h = 0; h < lines_.size(); ++h) {
      const Line& head = lines_[h];
      if (head.blank() || head.rule) continue;
      if (head.text().find('\t') != npos) {
        const auto heads = cells(head.text());
        std::size_t col = npos;
        std::string_view unit;
        for (std::size_t c = 0; c < heads.size() && col == npos; ++c)
          if (c > 0 && !(unit = amount_column_unit(lower(strip_punct(heads[c])))).empty()) col = c;
        if (col == npos || heads.size() > 6) continue;
        std::size_t k = h + 1;
        for (; k < lines_.size() && !lines_[k].blank() && lines_[k].text().find('\t') != npos; ++k) {
          auto row = cells(lines_[k].text());
          if (row.size() != heads.size() || !bare_number(row[col])) continue;
          row[col] += unit;
          std::string text;
          for (const auto& c : row) text += (text.empty() ? "" : "\t") + c;
          lines_.set_text(lines_[k], text);
        }
        h = k - 1;
        continue;
      }
      // One cell a line: the headings after a blank, the amount heading last.
      if (h == 0 || !lines_[h - 1].blank() || head.text().size() > 30) continue;
      std::size_t n = 0;
      std::string_view unit;
      for (std::size_t k = h; k < lines_.size() && k < h + 4; ++k) {
        const Line& l = lines_[k];
        if (l.blank() || l.text().find('\t') != npos || l.text().size() > 30 ||
            l.text().find_first_of("0123456789") != npos)
          break;
        if (k > h && !(unit = amount_column_unit(lower(strip_punct(l.text())))).empty()) {
          n = k - h + 1;
          break;
        }
      }
      if (n < 2) continue;
      std::vector<Line> written;
      std::size_t j = h + n;
      const auto add_row = [&](std::size_t from, std::size_t to, bool amounts) {
        std::string text;
        for (std::size_t k = from; k < to; ++k) {
          std::string cell(trim(lines_[k].text()));
          if (amounts && k + 1 == to) cell += unit;
          text += (text.empty() ? "" : "\t") + cell;
        }
        Line base;
        base.first = lines_[from].first;
        base.last = lines_[to - 1].last;
        written.push_back(lines_.with_text(base, text));
      };
      add_row(h, h + n, false);
      while (j + n <= lines_.size()) {
        bool fits = bare_number(lines_[j + n - 1].text());
        for (std::size_t k = j; fits && k < j + n - 1; ++k)
          fits = !lines_[k].blank() && lines_[k].text().find('\t') == npos && !bare_number(lines_[k].text());
        if (!fits) break;
        add_row(j, j + n, true);
        j += n;
      }
      if (written.size() < 2) continue;
      lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(h), lines_.begin() + static_cast<std::ptrdiff_t>(j));
      lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(h), written.begin(), written.end());
      h += written.size() - 1;
    }
  }

  void recover_item_table() {
    for (std::size_t h = 0; h < lines_.size(); ++h) {
      const Line& head = lines_[h];
      if (head.text().find('\t') == npos || head.indent > 0) continue;
      const auto heads = cells(head.text());
      if (heads.size() < 3 || heads.size() > 6) continue;
      std::size_t number_col = npos, title_col = npos, decision_col = npos, presenter_col = npos;
      for (std::size_t c = 0; c < heads.size(); ++c) {
        const std::string low = lower(strip_punct(heads[c]));
        if (number_col == npos && (low == "nr" || low == "punkt" || low == "§" || low == "p" || low == "#" ||
                                   low == "ärende nr" || low == "ärendenr" || low == "nummer"))
          number_col = c;
        else if (title_col == npos && (low == "ärende" || low == "rubrik" || low == "fråga" || low == "ämne" ||
                                       low == "ärenderubrik" || low == "punkt" || low == "dagordningspunkt"))
          title_col = c;
        else if (decision_col == npos && (low.starts_with("beslut") || low.starts_with("åtgärd") ||
                                          low.starts_with("ställningstagande") || low.starts_with("beslut/")))
          decision_col = c;
        else if (presenter_col == npos && (low == "föredragande" || low == "föredras av" || low == "presentatör"))
          presenter_col = c;
      }
      // An action list ("Nr | Åtgärd | Ansvarig | Klart senast") has an owner
      // column; it is read as such elsewhere.
      bool owner_column = false;
      for (const auto& c : heads) owner_column = owner_column || lower(strip_punct(c)).starts_with("ansvar");
      if (number_col != 0 || title_col == npos || decision_col == npos || owner_column) continue;
      const std::size_t columns = heads.size();
      struct Row {
        std::vector<std::string> cells;
        std::uint32_t first = 0, last = 0;
      };
      std::vector<Row> rows;
      std::size_t end = h + 1;
      const auto append = [](std::string& to, std::string_view piece) {
        piece = trim(piece);
        if (piece.empty()) return;
        if (!to.empty() && to.back() != '-') to += ' ';
        to += piece;
      };
      for (; end < lines_.size(); ++end) {
        const Line& l = lines_[end];
        if (l.blank()) break;
        auto row = cells(l.text());
        const bool starts_row = l.indent == 0 && !row.empty() && !row[0].empty() && is_digit(row[0][0]) &&
                                row[0].size() <= 4;
        if (starts_row) {
          Row r;
          r.cells.assign(columns, std::string());
          r.first = l.first;
          r.last = l.last;
          // Fewer cells than columns: the empty ones are gone; the last cell
          // is the decision's.
          for (std::size_t c = 0; c < row.size(); ++c) {
            const std::size_t to = (row.size() < columns && c + 1 == row.size() && c > 1) ? columns - 1
                                   : std::min(c, columns - 1);
            append(r.cells[to], row[c]);
          }
          rows.push_back(std::move(r));
          continue;
        }
        if (rows.empty() || l.indent == 0) break;
        // A wrapped line: its first cell in the column its leading tabs
        // reach, its last in the last column when cells were dropped.
        std::size_t start = l.indent % 8 == 0 ? l.indent / 8 : 1;
        start = std::clamp<std::size_t>(start, 1, columns - 1);
        Row& r = rows.back();
        for (std::size_t c = 0; c < row.size(); ++c) {
          std::size_t to = start + c;
          if (row.size() > 1 && c + 1 == row.size() && start + row.size() < columns + 1) to = columns - 1;
          append(r.cells[std::min(to, columns - 1)], row[c]);
        }
        r.last = l.last;
      }
      if (rows.size() < 2) continue;
      std::vector<Line> written;
      for (const auto& r : rows) {
        const auto line_of = [&](std::string_view text) {
          Line out;
          out.first = r.first;
          out.last = r.last;
          return lines_.with_text(out, text);
        };
        std::string number = r.cells[number_col];
        while (!number.empty() && (number.back() == '.' || number.back() == ')')) number.pop_back();
        written.push_back(line_of(number + ". " + r.cells[title_col]));
        if (presenter_col != npos && !r.cells[presenter_col].empty() && lower(r.cells[presenter_col]) != "ordf." &&
            lower(r.cells[presenter_col]) != "ordf")
          written.push_back(line_of("Föredragande: " + std::string(strip_punct(r.cells[presenter_col]))));
        const std::string decision(trim(r.cells[decision_col]));
        if (!decision.empty() && decision != "-" && decision != "\xE2\x80\x93")
          written.push_back(line_of("Beslut: " + decision));
        written.push_back(line_of(""));
      }
      const auto at = lines_.begin() + static_cast<std::ptrdiff_t>(h);
      lines_.erase(at, lines_.begin() + static_cast<std::ptrdiff_t>(end));
      lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(h), written.begin(), written.end());
      return;
    }
  }

  // "S A M O R D N I N G S F Ö R B U N D E T" / "C E N T R A L A   Ö S T E R
  // G Ö T L A N D": a letterhead set in spaced capitals, its words apart by
  // wider gaps (tabs by now). Written together again in the first lines.
  void unspace_letterhead() {
    const auto spaced = [](std::string_view cell, std::string& joined) {
      joined.clear();
      std::size_t letters = 0;
      for (std::size_t k = 0; k < cell.size();) {
        const unsigned char c = static_cast<unsigned char>(cell[k]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        if (c == ' ') return false;
        joined.append(cell.substr(k, len));
        ++letters;
        k += len;
        if (k < cell.size() && cell[k] != ' ') return false;  // two letters together: ordinary text
        ++k;
      }
      return letters >= 4;
    };
    for (std::size_t k = 0; k < lines_.size() && k < 12; ++k) {
      Line& l = lines_[k];
      if (l.blank() || l.text().find("  ") != npos) continue;
      std::string out;
      bool any = false;
      bool previous_spaced = false;
      std::string joined;
      for (const auto& cell : cells(l.text())) {
        const bool is_spaced = spaced(cell, joined);
        if (!out.empty()) out += (is_spaced && previous_spaced) ? " " : "\t";
        out += is_spaced ? joined : cell;
        any = any || is_spaced;
        previous_spaced = is_spaced;
      }
      if (!any) continue;
      lines_.set_text(l, out);
    }
  }

 private:
  Lines lines_;
  ParseOptions options_;
  ParsedMinutes out_;
  std::size_t i_ = 0;
  Style style_ = Style::headings;
  Mode mode_ = Mode::header;
  std::optional<int> context_year_;
  bool blank_run_ = true;
  bool kind_seen_ = false;
  bool body_names_body_ = false;          // the body taken has a body's form ("-nämnden", "-gruppen")
  std::size_t body_line_ = static_cast<std::size_t>(-1);  // the line the body was taken from
  bool agenda_seen_ = false;
  L pending_value_ = L::none;
  std::size_t skip_until_ = 0;  // a line already read by a look-ahead
  bool protocol_signs_ = false;
  bool headings_marked_ = false;  // the record marks its headings (Markdown '#', whole-line bold)  // names under "Underskrifter" repeat the roles  // "Vid protokollet", "Justerat": a protocol, whatever its heading
  bool skip_set_ = false;
  bool loose_numbers_ = false;  // items numbered "3 Title", without punctuation
  std::vector<ActionColumn> action_columns_;  // the columns of an action list being read
  // An attendee line ended in "för": the next line names the member stood in for.
  std::optional<std::size_t> awaiting_member_;
  std::vector<AttendanceColumn> attendance_columns_;  // the headings of an attendance table being read
  static constexpr std::string_view kSubstituteFollows = "\x1f";

  // attendance
  AttendanceStatus attendance_status_ = AttendanceStatus::present;
  std::vector<MeetingRole> attendance_roles_;
  /// The items a list of co-opted people was there for ("Adjungerad punkt 4:").
  std::vector<std::string> attendance_items_;
  std::string attendance_note_;
  bool attendance_marks_absence_ = false;
  bool invited_list_ = false;
  // "Inbjudna:" beside a "Närvarande:" list: those listed as invited were
  // invited, not present, unless marked otherwise.
  bool in_invited_list_ = false;
  bool present_list_seen_ = false;
  std::vector<std::size_t> invited_;
  std::string group_;
  std::string group_org_;
  std::vector<std::size_t> pending_people_;
  std::vector<std::string> name_row_;
  std::vector<std::string> column_groups_;  // side-by-side lists: each column's organisation
  std::size_t name_row_line_ = 0;
  std::vector<RoleName> roles_;
  std::map<std::string, std::size_t> attendee_index_;  // folded name -> index in out_.attendees

  // items
  std::optional<ParsedItem> current_;
  std::vector<ParsedItem> agenda_listing_;
  std::size_t item_first_ = 0;
  std::size_t item_last_ = 0;
  int last_value_ = 0;
  char last_letter_ = 0;
  bool title_pending_ = false;
  int lines_since_title_ = 0;
  L list_target_ = L::none;
  std::string escalation_to_;
  std::optional<DecisionBlock> decision_block_;
  std::size_t decision_cursor_ = 0;
  std::size_t last_decision_ = 0;
  std::vector<std::string> leads_;  // per decision of the current item: the line that introduced it
  std::size_t proposal_cursor_ = 0;
  std::string preamble_;
  // The debate of the current item: motions, propositions, votes,
  // reservations and notes, each from its sub-heading or sentence.
  struct ProceedingPart {
    Proceeding kind = Proceeding::none;
    std::vector<std::size_t> lines;  // indices into lines_
    std::size_t text_begin = 0;      // its span in the item's text
    std::size_t text_end = 0;
    std::size_t value_at = 0;        // where the heading line's value starts
  };
  std::vector<ProceedingPart> proceedings_;
  struct InlineProceeding {
    std::string sentence;
    Provenance provenance;
  };
  std::vector<InlineProceeding> inline_proceedings_;
  bool in_proceeding_ = false;
  // Reservations entered for a whole party ("Ledamöterna för SD"), expanded
  // into its serving members once the attendance is known: item, decision.
  std::vector<std::pair<std::size_t, std::size_t>> party_reservations_;

  // closing
  L closing_expect_ = L::none;
  bool front_signatures_ = false;    // in a front page's "Underskrifter" block
  bool joined_remotely_ = false;           // someone on the list took part from afar
  std::vector<ParsedAssignment> tasks_;    // the current item's Markdown tasks ("- [ ] X: ...")
  std::vector<L> front_signature_roles_;  // roles of signature lines not yet signed
  std::vector<std::pair<std::string, AttendanceStatus>> mark_legend_;  // "F = anmält förhinder"
  L front_signed_ = L::none;              // the role the last name signed in
  std::vector<L> signature_columns_;
  std::size_t money_column_ = npos;  // a table's column of amounts, by its heading
  std::size_t money_cells_ = 0;
  std::string_view money_unit_ = " kr";  // "Vid anteckningarna\tJusteras": what each column's name signs as
  int closing_names_ = 0;
  std::size_t annex_first_ = 0;
  std::size_t annex_last_ = 0;
  static constexpr std::size_t max_items = 5000;
  bool items_capped_ = false;

};

}  // namespace

ParsedMinutes parse_minutes(std::string_view text, std::string document, const ParseOptions& options) {
  Parser parser(split_text(text), std::move(document), options);
  return parser.run();
}

namespace detail {
ParsedMinutes parse_split(SplitText text, std::string document, const ParseOptions& options) {
  Parser parser(std::move(text), std::move(document), options);
  return parser.run();
}

ParsedMinutes parse_lines(Lines lines, std::string document, const ParseOptions& options) {
  Parser parser(std::move(lines), std::move(document), options);
  return parser.run();
}
}  // namespace detail

}  // namespace import
SAMVERKAN_END_NAMESPACE
