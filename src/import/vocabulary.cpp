#include "vocabulary.hpp"

#include "scan.hpp"

#include <array>
#include <string>
#include <vector>
#include <cstddef>
#include <cstdint>
#include <iterator>

SAMVERKAN_BEGIN_NAMESPACE
namespace import::detail {

namespace {

constexpr std::string_view npos_view{};

std::string_view trim_view(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
  return s;
}

bool digits(std::string_view s) noexcept {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool contains(std::string_view low, std::string_view what) noexcept { return low.find(what) != std::string_view::npos; }

// Dashes a page number is framed with: '-', en dash, em dash.
std::string_view strip_dash(std::string_view s) noexcept {
  s = trim_view(s);
  if (s.starts_with("-")) s.remove_prefix(1);
  else if (s.starts_with("\xE2\x80\x93") || s.starts_with("\xE2\x80\x94")) s.remove_prefix(3);
  return trim_view(s);
}
std::string_view strip_dash_end(std::string_view s) noexcept {
  s = trim_view(s);
  if (s.ends_with("-")) s.remove_suffix(1);
  else if (s.ends_with("\xE2\x80\x93") || s.ends_with("\xE2\x80\x94")) s.remove_suffix(3);
  return trim_view(s);
}

// "3 av 7", "3 of 7", "3 (7)", "3(7)", "3/7", "3".
bool page_number(std::string_view s) noexcept {
  s = trim_view(s);
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (!digits(s.substr(0, i))) return false;
  std::string_view rest = trim_view(s.substr(i));
  if (rest.empty()) return true;
  for (std::string_view sep : {"av ", "of ", "/"}) {
    if (rest.starts_with(sep)) return digits(trim_view(rest.substr(sep.size())));
  }
  if (rest.starts_with("(") && rest.ends_with(")")) return digits(trim_view(rest.substr(1, rest.size() - 2)));
  return false;
}

}  // namespace

PhraseSet::PhraseSet(std::initializer_list<std::string_view> phrases) : phrases_(phrases) {
  for (std::size_t k = 0; k < phrases_.size(); ++k) {
    const std::string_view p = phrases_[k];
    if (p.empty()) continue;
    const auto a = static_cast<unsigned char>(p[0]);
    by_first_[a].push_back(static_cast<std::uint16_t>(k));
    if (p.size() == 1) {
      for (unsigned b = 0; b < 256; ++b) pairs_[(a << 8 | b) >> 6] |= std::uint64_t{1} << ((a << 8 | b) & 63);
    } else {
      const unsigned key = a << 8 | static_cast<unsigned char>(p[1]);
      pairs_[key >> 6] |= std::uint64_t{1} << (key & 63);
    }
  }
}

std::pair<std::size_t, std::size_t> PhraseSet::scan(std::string_view low, bool lowest) const noexcept {
  std::size_t best = npos_;
  std::size_t best_at = npos_;
  for (std::size_t i = 0; i < low.size(); ++i) {
    const unsigned a = static_cast<unsigned char>(low[i]);
    const unsigned b = i + 1 < low.size() ? static_cast<unsigned char>(low[i + 1]) : 0u;
    const unsigned key = a << 8 | b;
    if (!(pairs_[key >> 6] >> (key & 63) & 1u)) continue;
    for (const std::uint16_t k : by_first_[a]) {
      if (k >= best) break;  // listed after one already found
      const std::string_view p = phrases_[k];
      if (low.size() - i >= p.size() && low.compare(i, p.size(), p) == 0) {
        if (!lowest) return {k, i};
        best = k;
        best_at = i;
        break;
      }
    }
    if (best == 0) break;
  }
  return {best, best_at};
}


std::string_view party_mark(std::string_view mark) noexcept {
  static constexpr std::array<std::string_view, 12> parties{"S", "M", "SD", "C", "V", "KD", "L", "MP", "FP", "FI", "Fi", "NYD"};
  mark = trim_view(mark);
  for (auto p : parties)
    if (mark == p) return p;
  // "(s)", "(sd)", "(kd)": some records write the letters in lower case; the
  // party is the same, written as the parties write themselves.
  if (mark.size() <= 3)
    for (auto p : parties) {
      if (p.size() != mark.size()) continue;
      bool same = true;
      for (std::size_t k = 0; k < p.size() && same; ++k) same = mark[k] == p[k] || mark[k] == p[k] - 'A' + 'a';
      if (same) return p;
    }
  return npos_view;
}

bool is_page_number_line(std::string_view low) noexcept {
  std::string_view s = trim_view(low);
  if (s.empty()) return false;
  // A header or footer ending in a page number after a column gap.
  if (const std::size_t tab = s.rfind('\t'); tab != std::string_view::npos) {
    const std::string_view last = trim_view(s.substr(tab + 1));
    return is_page_number_line(last) && !digits(trim_view(last));
  }
  for (std::string_view word : {"sida ", "sid ", "s. ", "blad ", "page "}) {
    if (s.starts_with(word)) return page_number(s.substr(word.size()));
  }
  // "– 3 –", "- 3 -"
  const std::string_view framed = strip_dash_end(strip_dash(s));
  if (framed.size() < s.size() && digits(framed)) return true;
  // "3 (7)", "3/7", "3 av 7": a bare number alone is not furniture (it may be an item number).
  return !digits(s) && page_number(s) && (contains(s, "(") || contains(s, "/") || contains(s, " av "));
}

bool is_page_stamp(std::string_view low) noexcept {
  const std::string_view s = trim_view(low);
  // "Utdragsbestyrkande" alone is a label with the certifier's name under
  // it; beside the signature boxes it is part of the stamp.
  for (std::string_view stamp : {"justerandes sign", "justerandes signatur", "justerares sign", "ordförandes sign",
                                 "sekreterarens sign"}) {
    if (s.starts_with(stamp)) {
      // Only stamps, separated by columns: "Ordförandes sign\tJusterares sign\tUtdragsbestyrkande".
      for (char c : s)
        if (c == '.' || c == ':') return false;
      return s.size() < 120;
    }
  }
  return false;
}

bool is_procedural_decision(std::string_view low) noexcept {
  for (std::string_view w : {"dagordning", "föredragningslista", "att justera", "justerare", "justeras", "justerad",
                             "mötet öppnat", "sammanträdet öppnat"}) {
    if (contains(low, w)) return true;
  }
  // "utse Monica Eld att jämte ordföranden justera": the adjusters chosen,
  // with words between; "justera budgeten" alone is not about the record.
  if (contains(low, "justera"))
    for (std::string_view w : {"utse", "utsåg", "välj", "vald", "jämte", "anteckningar", "protokoll"})
      if (contains(low, w)) return true;
  const bool record = contains(low, "anteckningar") || contains(low, "protokollet") || contains(low, "protokoll från");
  // "godkänn-er" but "godkän-des": both stems.
  const bool filed = contains(low, "till handlingarna") || contains(low, "godkänn") || contains(low, "godkänd") ||
                     contains(low, "läggs") || contains(low, "lades") || contains(low, "fastställ");
  return record && filed && !contains(low, "protokollsanteckning");
}

bool names_a_body(std::string_view low) noexcept {
  constexpr std::string_view endings[] = {
      "grupp",     "gruppen",    "nämnd",      "nämnden",     "styrelse", "styrelsen",  "utskott",
      "utskottet", "nätverk",    "nätverket",  "direktion",   "direktionen", "samråd",  "samrådet",
      "rådet",     "beredning",  "beredningen", "fullmäktige", "kommitté", "kommittén", "presidium",
      "presidiet", "delegationen", "forum",    "forumet",     "ledningsgrupp"};
  std::size_t at = 0;
  while (at < low.size()) {
    std::size_t end = at;
    while (end < low.size() && low[end] != ' ' && low[end] != '\t' && low[end] != ',' && low[end] != '/' &&
           low[end] != '-' && low[end] != '(' && low[end] != ')')
      ++end;
    const std::string_view w = low.substr(at, end - at);
    for (std::string_view e : endings)
      if (w.size() >= e.size() && w.substr(w.size() - e.size()) == e) return true;
    at = end + 1;
  }
  return false;
}

bool is_compound_continuation(std::string_view low_word) noexcept {
  for (std::string_view w : {"och", "eller", "samt", "resp.", "respektive", "till", "som", "&"}) {
    if (low_word == w) return true;
  }
  return false;
}

std::string_view case_number_value(std::string_view text) noexcept {
  std::string_view s = trim_view(text);
  for (std::string_view label : {"diarienummer", "diarienr", "dnr", "ärendenummer", "ärendenr"}) {
    if (s.size() <= label.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < label.size() && same; ++i) {
      char c = s[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == label[i];
    }
    // "Ärende" is two bytes in UTF-8 lower and upper; compare the rest only.
    if (!same && label.starts_with("\xC3\xA4") && s.size() > 2 && s.substr(0, 2) == "\xC3\x84")
      same = s.substr(2, label.size() - 2) == label.substr(2);
    if (!same) continue;
    std::string_view rest = s.substr(label.size());
    if (rest.front() != ' ' && rest.front() != '.' && rest.front() != ':') continue;
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '.' || rest.front() == ':')) rest.remove_prefix(1);
    if (!rest.empty()) return rest;
  }
  return s;
}


namespace {

bool starts_word(std::string_view low, std::string_view w) noexcept {
  if (!low.starts_with(w)) return false;
  if (low.size() == w.size()) return true;
  const char c = low[w.size()];
  return c == ' ' || c == ':' || c == '\t' || c == '.' || c == ',';
}

}  // namespace

Proceeding proceeding_heading(std::string_view low, std::size_t* value_at) noexcept {
  struct Heading {
    std::string_view text;
    Proceeding kind;
  };
  // Longer first: the first match wins.
  static constexpr Heading headings[] = {
      {"yrkanden och propositionsordning", Proceeding::order},
      {"propositionsordning och omröstning", Proceeding::vote},
      {"propositionsordning och votering", Proceeding::vote},
      {"propositionsordning", Proceeding::order},
      {"proposition", Proceeding::order},
      {"beslutsgång", Proceeding::order},
      {"omröstningsresultat", Proceeding::vote},
      {"omröstningslista", Proceeding::vote},
      {"omröstning", Proceeding::vote},
      {"voteringsresultat", Proceeding::vote},
      {"voteringslista", Proceeding::vote},
      {"votering", Proceeding::vote},
      {"yrkanden", Proceeding::motions},
      {"yrkande", Proceeding::motions},
      {"reservationer", Proceeding::reservation},
      {"reservation", Proceeding::reservation},
      {"protokollsanteckningar", Proceeding::note},
      {"protokollsanteckning", Proceeding::note},
      {"särskilda yttranden", Proceeding::note},
      {"särskilt yttrande", Proceeding::note},
      {"jäv", Proceeding::note},
  };
  std::string_view s = low;
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  for (const auto& h : headings) {
    if (!starts_word(s, h.text)) continue;
    std::size_t i = h.text.size();
    while (i < s.size() && s[i] == ' ') ++i;
    if (i == s.size()) {
      if (value_at) *value_at = low.size();
      return h.kind;
    }
    if (s[i] != ':' && s[i] != '\t') return Proceeding::none;  // "Omröstning begärs och verkställs."
    ++i;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (value_at) *value_at = i;
    return h.kind;
  }
  return Proceeding::none;
}

// Shared by the two sets below.
#define SAMVERKAN_RESERVATION_PHRASES                                                                                     \
  "reserverar sig", "reserverade sig", "reserverar mig", "reserverar oss", "anmäler reservation", "anmälde reservation", \
      "lämnar en reservation", "lämnar reservation", "lämnade en reservation", "inkommer med reservation",                \
      "reservation till förmån"

std::size_t reservation_phrase(std::string_view low) noexcept {
  static const PhraseSet phrases{SAMVERKAN_RESERVATION_PHRASES};
  return phrases.first_listed_in(low);
}

bool is_proceeding_sentence(std::string_view low) noexcept {
  // The reservation phrases and the rest of a proceeding's words, one set.
  static const PhraseSet phrases{
      SAMVERKAN_RESERVATION_PHRASES, " yrkar ", " yrkade ", "yrkar bifall", "yrkar avslag", "yrkar att",
      "tilläggsyrkande", "ställer proposition", "ställde proposition", "ställer först", "ställer därefter",
      "ställer ordförandens", "ställer förvaltningens", "propositionsordning", "och finner att",
      "ordföranden finner att", "och fann att", "ordföranden fann att", "omröstning begärs", "omröstning verkställs",
      "votering begärs", "ja-röst", "nej-röst", "jaröst", "nejröst", "utslagsröst", "protokollsanteckning",
      "särskilt yttrande", "avstår från att delta", "deltar inte i beslutet", "deltar ej i beslutet"};
  return phrases.any_in(low);
}
#undef SAMVERKAN_RESERVATION_PHRASES

std::string_view party_of_word(std::string_view w) noexcept {
  struct Party {
    std::string_view stem;
    std::string_view letters;
  };
  // Stems of the parties' names as written out; inflections follow them
  // ("socialdemokraterna", "socialdemokraternas", "socialdemokratiska").
  static constexpr Party parties[] = {
      {"sverigedemokrat", "SD"}, {"socialdemokrat", "S"}, {"moderat", "M"},      {"centerpartiet", "C"},
      {"centerpartist", "C"},    {"vänsterpartiet", "V"}, {"vänsterpartist", "V"}, {"liberal", "L"},
      {"kristdemokrat", "KD"},   {"miljöpartiet", "MP"},  {"miljöpartist", "MP"}, {"folkpartiet", "FP"},
  };
  for (const auto& p : parties)
    if (w.starts_with(p.stem)) return p.letters;
  return npos_view;
}

std::optional<int> vote_word(std::string_view w) noexcept {
  std::string_view s = trim_view(w);
  while (!s.empty() && (s.back() == ':' || s.back() == ')')) s.remove_suffix(1);
  for (std::string_view y : {"ja", "ja-röst", "ja-röster", "jaröst", "jaröster", "ja-röstande", "röstar ja"})
    if (s == y) return 0;
  for (std::string_view n : {"nej", "nej-röst", "nej-röster", "nejröst", "nejröster", "nej-röstande", "röstar nej"})
    if (s == n) return 1;
  for (std::string_view a : {"avstår", "avstod", "avstående", "avstår från att rösta", "nedlagd röst",
                             "nedlagda röster", "avstår att rösta"})
    if (s == a) return 2;
  return std::nullopt;
}

std::optional<VoteCounts> vote_counts(std::string_view low) {
  // Words between separators; "ja-röster" stays one word.
  std::vector<std::string_view> ws;
  std::size_t i = 0;
  while (i < low.size()) {
    while (i < low.size() && (low[i] == ' ' || low[i] == '\t' || low[i] == ',' || low[i] == ':' || low[i] == ';' ||
                              low[i] == '.' || low[i] == '(' || low[i] == ')' || low[i] == '='))
      ++i;
    std::size_t j = i;
    while (j < low.size() && !(low[j] == ' ' || low[j] == '\t' || low[j] == ',' || low[j] == ':' || low[j] == ';' ||
                               low[j] == '(' || low[j] == ')' || low[j] == '=' ||
                               (low[j] == '.' && (j + 1 == low.size() || low[j + 1] == ' '))))
      ++j;
    if (j > i) ws.push_back(low.substr(i, j - i));
    i = j;
  }
  auto number = [](std::string_view w) -> std::optional<std::uint32_t> {
    if (!w.empty() && w.size() <= 4) {
      std::uint32_t v = 0;
      bool ok = true;
      for (char c : w) {
        if (c < '0' || c > '9') ok = false;
        else v = v * 10 + static_cast<std::uint32_t>(c - '0');
      }
      if (ok) return v;
    }
    static constexpr std::string_view names[] = {"noll", "en",     "två",     "tre",      "fyra",   "fem",    "sex",
                                                 "sju",  "åtta",   "nio",     "tio",      "elva",   "tolv",   "tretton",
                                                 "fjorton", "femton", "sexton", "sjutton", "arton", "nitton", "tjugo"};
    for (std::uint32_t k = 0; k < std::size(names); ++k)
      if (w == names[k]) return k;
    if (w == "ett") return 1u;
    return std::nullopt;
  };
  auto filler = [](std::string_view w) {
    for (std::string_view f : {"som", "ledamöter", "ledamot", "ledamöterna", "st", "stycken", "röster", "röst",
                               "personer", "ledamot", "från", "att", "rösta"})
      if (w == f) return true;
    return false;
  };
  std::optional<std::uint32_t> counts[3];
  std::vector<bool> used(ws.size(), false);
  bool voting_word = false;
  for (std::size_t k = 0; k < ws.size(); ++k) {
    std::optional<int> option = vote_word(ws[k]);
    if (!option && k + 1 < ws.size() && ws[k] == "nedlagda" && ws[k + 1].starts_with("röst")) option = 2;
    if (!option) continue;
    if (counts[*option]) continue;
    // "9 ja-röster", "2 som avstår", "3 ledamöter som avstod".
    // A number already read as the count after an earlier word ("Ja-röster:
    // 7, Nej-röster: 5") is not this one's.
    std::optional<std::uint32_t> n;
    for (std::size_t back = 1; back <= 3 && back <= k; ++back) {
      if (auto v = number(ws[k - back])) {
        if (!used[k - back]) {
          n = v;
          used[k - back] = true;
        }
        break;
      }
      if (!filler(ws[k - back])) break;
    }
    // "Ja-röster: 7", "avstår 3".
    if (!n && k + 1 < ws.size()) {
      n = number(ws[k + 1]);
      if (n) used[k + 1] = true;
    }
    if (!n) continue;
    counts[*option] = n;
    if (ws[k].find("röst") != std::string_view::npos) voting_word = true;
  }
  const bool both = counts[0] && counts[1];
  if (!both && !(voting_word && (counts[0] || counts[1]))) return std::nullopt;
  VoteCounts out;
  out.yes = counts[0].value_or(0);
  out.no = counts[1].value_or(0);
  out.abstain = counts[2].value_or(0);
  return out;
}

bool reports_earlier(std::string_view low) noexcept {
  static const PhraseSet phrases{"vid förra mötet", "vid föregående möte", "vid mötet den", "vid förra sammanträdet",
                                 "vid sammanträdet den", "tidigare möte", "sedan tidigare", "har tidigare", "hade tidigare",
                                 "har fått i uppdrag", "hade fått i uppdrag", "har getts i uppdrag", "hade getts i uppdrag",
                                 "har gett", "hade gett", "i våras", "i höstas", "förra året", "har beslutat",
                                 "hade beslutat", "har beslutats", "har nu beslutats",
                                 // "X informerade om att regionstyrelsen den 10 november beslutade att ...":
                                 // told to the meeting, decided elsewhere.
                                 "informerade om att", "informerar om att", "meddelade att", "meddelar att",
                                 "berättade att", "rapporterade att"};
  return phrases.any_in(low);
}

std::size_t action_verb(std::string_view low) noexcept {
  // Present tense and "ska" + infinitive: work to be done. The past tense
  // ("skickade ut") reports what was done.
  static constexpr std::string_view verbs[] = {
      " återkommer med ", " återkommer till ", " återkommer i ", " återkommer om ", " återkommer när ",
      " skickar ut ", " skickar över ", " skickar vidare ", " mejlar ut ", " sänder ut ", " tar fram ",
      " sammanställer ", " bokar ", " kallar till ", " bjuder in ", " undersöker ", " kontaktar ", " tar kontakt ",
      " ser över ", " utreder ", " förbereder ", " stämmer av ", " återrapporterar ", " samordnar ",
      " uppdaterar ", " reviderar ", " ansvarar för att ", " tar med sig ", " tar vidare ", " bevakar ",
      " ska återkomma ", " ska skicka ", " ska ta fram ", " ska sammanställa ", " ska boka ", " ska kalla ",
      " ska bjuda in ", " ska undersöka ", " ska kontakta ", " ska se över ", " ska utreda ", " ska ta kontakt ",
      " kommer att återkomma ", " kommer att ta fram ", " kommer att skicka ", " ombesörjer ",
  };
  // One pass over the word starts of the sentence rather than one search per
  // verb (and no allocation): this is asked of every sentence of every item.
  // The first word start where a verb begins is the earliest verb. The
  // verbs are grouped by their first letter, so a word start is compared
  // only with the few that could begin there.
  constexpr std::size_t count = std::size(verbs);
  struct ByLetter {
    std::array<std::uint8_t, count> order{};
    std::array<std::uint8_t, 257> begin{};
  };
  static const ByLetter by = [] {
    ByLetter b;
    std::array<std::uint8_t, 256> n{};
    for (std::string_view v : verbs) ++n[static_cast<unsigned char>(v[1])];
    for (std::size_t c = 0; c < 256; ++c) b.begin[c + 1] = static_cast<std::uint8_t>(b.begin[c] + n[c]);
    std::array<std::uint8_t, 256> at{};
    for (std::size_t c = 0; c < 256; ++c) at[c] = b.begin[c];
    for (std::size_t k = 0; k < count; ++k) b.order[at[static_cast<unsigned char>(verbs[k][1])]++] = static_cast<std::uint8_t>(k);
    return b;
  }();
  const bool ends_sentence = low.ends_with('.');
  for (std::size_t at = low.find(' '); at != std::string_view::npos; at = low.find(' ', at + 1)) {
    const std::string_view rest = low.substr(at);
    if (rest.size() < 2) break;
    const auto c = static_cast<unsigned char>(rest[1]);
    for (std::size_t k = by.begin[c]; k < by.begin[c + 1]; ++k) {
      const std::string_view v = verbs[by.order[k]];
      if (rest.starts_with(v)) return at;
      // "... återkommer." at the sentence end.
      if (ends_sentence && at > 0 && rest.size() == v.size() && rest.substr(0, v.size() - 1) == v.substr(0, v.size() - 1))
        return at;
    }
  }
  return std::string_view::npos;
}

ActionColumn action_column(std::string_view low) noexcept {
  const std::string_view s = trim_view(low);
  for (std::string_view w : {"ansvarig", "ansvariga", "ansvar", "vem", "ägare", "responsible", "owner"})
    if (s == w) return ActionColumn::owner;
  for (std::string_view w : {"åtgärd", "åtgärder", "aktivitet", "uppgift", "uppdrag", "vad", "beskrivning", "action"})
    if (s == w) return ActionColumn::what;
  for (std::string_view w : {"klart senast", "klart", "senast", "deadline", "datum", "när", "klar", "tidplan",
                             "klart till", "färdigt", "due"})
    if (s == w) return ActionColumn::due;
  for (std::string_view w : {"punkt", "ärende", "§", "dagordningspunkt", "från punkt"})
    if (s == w) return ActionColumn::item;
  for (std::string_view w : {"nr", "#", "nummer", "id"})
    if (s == w) return ActionColumn::number;
  return ActionColumn::none;
}

AttendanceColumn attendance_column(std::string_view low) noexcept {
  const std::string_view s = trim_view(low);
  for (std::string_view w : {"namn", "ledamot", "ledamöter", "deltagare", "name", "person"})
    if (s == w) return AttendanceColumn::name;
  for (std::string_view w : {"parti", "partibeteckning", "party"})
    if (s == w) return AttendanceColumn::party;
  for (std::string_view w : {"organisation", "kommun", "förvaltning", "verksamhet", "representerar", "myndighet",
                             "huvudman", "huvudmän", "part", "parter", "medlem", "förbundsmedlem",
                             "organisation/kommun", "kommun/region", "region/kommun", "arbetsplats", "organization"})
    if (s == w) return AttendanceColumn::organisation;
  for (std::string_view w : {"funktion", "roll", "uppdrag", "role"})
    if (s == w) return AttendanceColumn::function;
  for (std::string_view w : {"titel", "befattning", "title"})
    if (s == w) return AttendanceColumn::title;
  for (std::string_view w : {"närvaro", "närv", "närvarande", "status", "deltagande", "deltog", "attendance"})
    if (s == w) return AttendanceColumn::presence;
  for (std::string_view w : {"ersätter", "tjänstgör för", "ersättare för"})
    if (s == w) return AttendanceColumn::substitute;
  for (std::string_view w : {"ersättare", "personlig ersättare", "personliga ersättare"})
    if (s == w) return AttendanceColumn::deputy;
  for (std::string_view w : {"anmärkning", "anmärkningar", "kommentar", "kommentarer", "notering", "noteringar",
                             "övrigt", "not", "remark"})
    if (s == w) return AttendanceColumn::note;
  return AttendanceColumn::none;
}


// ---------------------------------------------------------------- agreements and plans

namespace {

bool opens_with_word(std::string_view low, std::string_view w) noexcept {
  if (low.substr(0, w.size()) != w) return false;
  if (low.size() == w.size()) return true;
  const char c = low[w.size()];
  return c == ' ' || c == ':' || c == '\t' || c == ',' || c == '.' || c == '*';
}

std::string_view strip_marks(std::string_view low) noexcept {
  while (!low.empty() && (low.front() == '#' || low.front() == '*' || low.front() == ' ' || low.front() == '"'))
    low.remove_prefix(1);
  while (!low.empty() && (low.back() == '*' || low.back() == ' ')) low.remove_suffix(1);
  return low;
}

}  // namespace

AgreementHeading agreement_heading(std::string_view low) noexcept {
  low = strip_marks(low);
  static constexpr std::string_view forms[] = {
      "överenskommelse", "avtal", "samverkansavtal", "bidragsöverenskommelse", "tilläggsöverenskommelse",
      "samarbetsavtal", "samverkansöverenskommelse", "överenskommelsen"};
  for (std::string_view f : forms) {
    if (!opens_with_word(low, f)) continue;
    const std::string_view rest = strip_marks(low.substr(f.size()));
    if (rest.empty()) return AgreementHeading::form_word;
    if (opens_with_word(rest, "mellan")) return AgreementHeading::between;
    if (opens_with_word(rest, "om") || opens_with_word(rest, "för") || opens_with_word(rest, "avseende")) return AgreementHeading::titled;
  }
  return AgreementHeading::none;
}

bool plan_heading(std::string_view low) noexcept {
  low = strip_marks(low);
  static constexpr std::string_view plans[] = {"handlingsplan", "genomförandeplan", "aktivitetsplan"};
  static constexpr std::string_view leads[] = {"länsgemensam ", "delregional ", "regional ", "lokal ", "gemensam ",
                                               "länsövergripande "};
  for (std::string_view l : leads)
    if (low.substr(0, l.size()) == l) {
      low.remove_prefix(l.size());
      break;
    }
  for (std::string_view p : plans)
    if (opens_with_word(low, p)) {
      const std::string_view rest = strip_marks(low.substr(p.size()));
      // "Handlingsplan för arbetet har tagits fram" is a sentence.
      return rest.find(" har ") == std::string_view::npos && rest.find(" ska ") == std::string_view::npos &&
             rest.find(" kommer ") == std::string_view::npos;
    }
  return false;
}

const std::vector<std::string_view>& agreement_block_words() {
  static const std::vector<std::string_view> w{"block", "del", "blocket"};
  return w;
}

int small_number_word(std::string_view low) noexcept {
  static constexpr std::pair<std::string_view, int> words[] = {
      {"en", 1},  {"ett", 1},   {"första", 1}, {"två", 2},   {"andra", 2}, {"tre", 3}, {"tredje", 3},
      {"fyra", 4}, {"fem", 5},  {"sex", 6},    {"sju", 7},   {"åtta", 8},  {"nio", 9}, {"tio", 10}};
  for (const auto& [w, n] : words)
    if (low == w) return n;
  return 0;
}

unsigned month_number(std::string_view low) noexcept {
  static constexpr std::string_view months[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                                                "juli",    "augusti",  "september", "oktober", "november", "december"};
  for (unsigned m = 0; m < 12; ++m)
    if (low == months[m]) return m + 1;
  return 0;
}

std::optional<PartyRole> party_role_word(std::string_view low) noexcept {
  low = trim_view(low);
  auto starts = [&](std::string_view w) { return low.substr(0, w.size()) == w; };
  if (starts("huvudm")) return PartyRole::principal;
  if (starts("finansiär") || starts("bidragsgivare") || starts("medelsgivare")) return PartyRole::funder;
  if (starts("mottagare") || starts("bidragsmottagare") || starts("medelsmottagare")) return PartyRole::recipient;
  if (starts("samordna")) return PartyRole::coordinator;
  if (starts("utbetalare") || starts("utbetalande")) return PartyRole::payer;
  return std::nullopt;
}

const std::vector<std::pair<std::string_view, Comparator>>& comparator_phrases() {
  static const std::vector<std::pair<std::string_view, Comparator>> p{
      {"inte överstiga", Comparator::at_most}, {"inte överskrida", Comparator::at_most},
      {"minst", Comparator::at_least},         {"lägst", Comparator::at_least},
      {"högst", Comparator::at_most},          {"maximalt", Comparator::at_most},
      {"mer än", Comparator::more_than},       {"fler än", Comparator::more_than},
      {"mindre än", Comparator::less_than},    {"färre än", Comparator::less_than},
      {"understiga", Comparator::less_than},   {"överstiga", Comparator::more_than}};
  return p;
}

const std::vector<std::string_view>& measure_nouns() {
  static const std::vector<std::string_view> n{"andelen", "andel", "antalet", "antal", "svarsfrekvens",
                                               "svarsfrekvensen", "leveranstid", "leveranstiden", "väntetid",
                                               "väntetiden", "täckningsgrad", "täckningsgraden", "nivån"};
  return n;
}

const std::vector<std::string_view>& reporting_verbs() {
  static const std::vector<std::string_view> v{"redovis", "rapport", "lämna", "skicka in", "inkomm",
                                               "inkommit", "uppföljning", "återrapport"};
  return v;
}

std::vector<std::string> split_party_list(std::string_view text) {
  // Names that hold "och" are protected by a mark no text has.
  static constexpr std::string_view whole[] = {"sveriges kommuner och landsting", "sveriges kommuner och regioner",
                                               "hälso- och sjukvård", "vård- och omsorg", "kommuner och landsting",
                                               "stöd och behandling", "barn och unga"};
  std::string work(text);
  std::string low;
  for (char c : work) low += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  // Lower-case the Swedish capitals too, byte for byte.
  for (std::size_t i = 0; i + 1 < low.size(); ++i)
    if (low[i] == '\xC3') {
      const auto b = static_cast<unsigned char>(low[i + 1]);
      if (b >= 0x80 && b <= 0x9E) low[i + 1] = static_cast<char>(b + 0x20);
    }
  for (std::string_view w : whole)
    for (std::size_t p = low.find(w); p != std::string::npos; p = low.find(w, p + 1)) {
      const auto och = low.find(" och ", p);
      if (och != std::string::npos && och < p + w.size()) {
        work.replace(och, 5, " \x01\x02\x03 ");
        low.replace(och, 5, " \x01\x02\x03 ");
      }
    }
  std::vector<std::string> out;
  std::size_t start = 0;
  auto push = [&](std::size_t end) {
    std::string part = work.substr(start, end - start);
    for (std::size_t p = part.find("\x01\x02\x03"); p != std::string::npos; p = part.find("\x01\x02\x03"))
      part.replace(p, 3, "och");
    const auto t = trim_view(part);
    if (!t.empty()) out.emplace_back(t);
  };
  for (std::size_t i = 0; i < work.size(); ++i) {
    if (work[i] == ',' || work[i] == ';') {
      push(i);
      start = i + 1;
    } else if (low.compare(i, 5, " och ") == 0) {
      push(i);
      start = i + 5;
      i += 4;
    } else if (low.compare(i, 6, " samt ") == 0) {
      push(i);
      start = i + 6;
      i += 5;
    }
  }
  push(work.size());
  return out;
}

const std::vector<std::string_view>& plan_owner_labels() {
  static const std::vector<std::string_view> l{"ägare", "planägare", "ansvariga", "huvudmän", "huvudman",
                                               "planens ägare", "ansvariga huvudmän"};
  return l;
}

const std::vector<std::string_view>& plan_section_words() {
  static const std::vector<std::string_view> w{"aktiviteter", "insatser", "budget", "finansiering", "ekonomi",
                                               "indikatorer", "uppföljning", "period", "giltighet", "mål och delmål",
                                               "bakgrund", "syfte"};
  return w;
}

const std::vector<std::pair<std::string_view, bool>>& goal_words() {
  static const std::vector<std::pair<std::string_view, bool>> w{
      {"delmål", true}, {"insatsområde", false}, {"fokusområde", false}, {"målområde", false},
      {"mål", false},   {"effektmål", false},    {"resultatmål", true}};
  return w;
}

std::optional<RecordKind> record_kind_of(std::string_view low) noexcept {
  if (starts_with_word(low, "protokollsutdrag") || starts_with_word(low, "utdrag")) return RecordKind::protocol_extract;
  if (starts_with_word(low, "protokoll") || starts_with_word(low, "sammanträdesprotokoll"))
    return RecordKind::protocol;
  for (std::string_view w : {"mötesanteckningar", "mötesanteckning", "minnesanteckningar", "minnesanteckning",
                             "anteckningar", "mötesprotokoll"})
    if (starts_with_word(low, w)) return w == "mötesprotokoll" ? RecordKind::protocol : RecordKind::minutes;
  return std::nullopt;
}

std::size_t envelope_label(std::string_view low) noexcept {
  // What a mail program writes above a message it sends or forwards, in
  // Swedish and in English; a reply's "SV:"/"RE:" is in the subject.
  for (std::string_view w : {"från", "skickat", "till", "kopia", "ämne", "bifogade filer", "bifogat", "from", "sent",
                             "to", "cc", "subject", "attachments", "datum", "date", "hämtat", "mottagare"}) {
    if (!low.starts_with(w)) continue;
    std::size_t k = w.size();
    while (k < low.size() && low[k] == ' ') ++k;
    if (k < low.size() && (low[k] == ':' || low[k] == '\t')) return k + 1;
  }
  return 0;
}

bool is_forward_marker(std::string_view low) noexcept {
  // "-----Ursprungligt meddelande-----", "---------- Forwarded message ---------"
  for (std::string_view w : {"ursprungligt meddelande", "vidarebefordrat meddelande", "original message",
                             "forwarded message"})
    if (low.find(w) != std::string_view::npos && low.size() < w.size() + 40) return true;
  return false;
}

}  // namespace import::detail
SAMVERKAN_END_NAMESPACE
