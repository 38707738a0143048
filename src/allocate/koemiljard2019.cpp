#include "internal.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/allocate/koemiljard2019.hpp>
#include <samverkan/core/text.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace allocate::koemiljard2019 {

namespace {

constexpr std::string_view under_90_2018 = "under_90_2018";
constexpr std::string_view under_90_2019 = "under_90_2019";
constexpr std::string_view within_60_2019 = "within_60_2019";
constexpr std::string_view population_key = "population";
constexpr std::string_view response_key = "lowest_response_rate";
constexpr std::string_view five_weeks_key = "actual_waits_within_five_weeks";
constexpr std::string_view status_report_key = "status_report";

constexpr std::array<Group, 2> groups{Group::first_visits, Group::operations};

std::string two_digits(unsigned m) { return (m < 10 ? "0" : "") + std::to_string(m); }
std::string month_key(unsigned m) { return "2019-" + two_digits(m); }

bool is_measured(unsigned month) { return std::find(months.begin(), months.end(), month) != months.end(); }

std::string figure_label(std::string_view figure) {
  if (figure == under_90_2018) return "share waiting < 90 days in 2018";
  if (figure == under_90_2019) return "share waiting < 90 days in 2019";
  return "share waited ≤ 60 days in 2019";
}

std::string region_label(const Region* region, const std::string& raw) {
  return region ? std::string(region->short_name) : raw;
}

bool in_range(Percent p) { return p >= Percent() && p <= Percent::points(100); }

void check_share(Percent p, const std::string& who, const std::string& field, const std::string& meaning) {
  if (!in_range(p)) throw value_error(who + ": " + field + " (" + meaning + ") is " + p.str() + " %, outside 0–100 %");
}

}  // namespace

const std::vector<Region>& regions() {
  static const std::vector<Region> all{
      {"stockholm", "Stockholm", "Region Stockholm", "Stockholms läns landsting|SLL"},
      {"uppsala", "Uppsala", "Region Uppsala", ""},
      {"sodermanland", "Södermanland", "Region Sörmland", "Sörmland|Landstinget Sörmland"},
      {"ostergotland", "Östergötland", "Region Östergötland", ""},
      {"jonkoping", "Jönköping", "Region Jönköpings län", ""},
      {"kronoberg", "Kronoberg", "Region Kronoberg", ""},
      {"kalmar", "Kalmar", "Region Kalmar län", "Landstinget i Kalmar län"},
      {"gotland", "Gotland", "Region Gotland", ""},
      {"blekinge", "Blekinge", "Region Blekinge", ""},
      {"skane", "Skåne", "Region Skåne", ""},
      {"halland", "Halland", "Region Halland", ""},
      {"vastra-gotaland", "Västra Götaland", "Västra Götalandsregionen", "VGR"},
      {"varmland", "Värmland", "Region Värmland", ""},
      {"orebro", "Örebro", "Region Örebro län", ""},
      {"vastmanland", "Västmanland", "Region Västmanland", ""},
      {"dalarna", "Dalarna", "Region Dalarna", ""},
      {"gavleborg", "Gävleborg", "Region Gävleborg", ""},
      {"vasternorrland", "Västernorrland", "Region Västernorrland", ""},
      {"jamtland-harjedalen", "Jämtland Härjedalen", "Region Jämtland Härjedalen", "Jämtland|Jämtlands län"},
      {"vasterbotten", "Västerbotten", "Region Västerbotten", ""},
      {"norrbotten", "Norrbotten", "Region Norrbotten", ""},
  };
  return all;
}

const Region* find_region(std::string_view name) {
  static const std::map<std::string, const Region*> index = [] {
    std::map<std::string, const Region*> m;
    for (const auto& r : regions()) {
      const std::string s(r.short_name);
      for (const std::string& spelling :
           {s, std::string(r.official_name), std::string(r.id), "Region " + s, s + " län", s + "s län"})
        m.emplace(fold(spelling), &r);
      std::string_view rest = r.aliases;
      while (!rest.empty()) {
        const auto bar = rest.find('|');
        m.emplace(fold(rest.substr(0, bar)), &r);
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
      }
    }
    return m;
  }();
  const auto it = index.find(fold(name));
  return it == index.end() ? nullptr : it->second;
}

std::string_view group_key(Group g) noexcept { return g == Group::first_visits ? "first_visits" : "operations"; }
std::string_view group_label(Group g) noexcept { return g == Group::first_visits ? "first visits" : "operations"; }

std::string_view month_name(unsigned month) {
  switch (month) {
    case 9: return "September";
    case 10: return "October";
    case 11: return "November";
    default: throw value_error("month " + std::to_string(month) + " is not measured (only September–November 2019)");
  }
}

std::string figure_key(Group g, unsigned month, std::string_view figure) {
  return std::string(group_key(g)) + "/" + month_key(month) + "/" + std::string(figure);
}

std::string pot_id(Group g) { return "block-1/" + std::string(group_key(g)); }
std::string pot_id(Group g, unsigned month) { return pot_id(g) + "/" + month_key(month); }

std::array<Bound, 3> Parameters::boundaries(std::string_view spec) {
  const auto at_least = [](int v) { return Bound::at_least(Percent::points(v)); };
  const auto more_than = [](int v) { return Bound::more_than(Percent::points(v)); };
  const std::string key = fold(spec);
  if (key == "text" || key == "default") return {at_least(1), at_least(3), more_than(5)};
  if (key == "lower") return {at_least(1), at_least(3), at_least(5)};
  if (key == "upper") return {at_least(1), more_than(3), more_than(5)};
  std::array<Bound, 3> bounds{};
  std::size_t n = 0;
  std::string_view rest = spec;
  while (true) {
    const auto comma = rest.find(',');
    if (n == 3) throw parse_error("boundaries '" + std::string(spec) + "': more than three bounds");
    bounds[n++] = Bound::parse(rest.substr(0, comma));
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  if (n != 3)
    throw parse_error("boundaries '" + std::string(spec) +
                      "': expected text, lower, upper or three bounds like \">=1,>=3,>5\"");
  return bounds;
}

std::vector<std::string> Parameters::describe() const {
  std::vector<std::string> out;
  out.push_back("Block 1 " + block1.str() + ", Block 2 " + block2.str());
  out.push_back("steps: " + std::to_string(step_weights[0]) + " / " + std::to_string(step_weights[1]) + " / " +
                std::to_string(step_weights[2]) + " for improvements " + step_bounds[0].str() + " / " +
                step_bounds[1].str() + " / " + step_bounds[2].str() + " points");
  out.push_back(std::string("steps are ") + (membership == StepMembership::cumulative ? "cumulative" : "exclusive") +
                "; a step is split " + (step_split == StepSplit::population ? "by population" : "equally") +
                "; an unreached step's money " +
                (roll_over == RollOver::to_step_below ? "rolls to the step below" : "stays undistributed"));
  out.push_back(alternative
                    ? "alternative: share waited ≤ 60 days " + alternative_bound.str() + " % opens step 1" +
                          (alternative_only_without_improvement ? ", only for regions that did not improve" : "")
                    : "no alternative to improving");
  if (block2_conditional)
    out.push_back("Block 2 conditions: lowest response rate " + response_rate.str() + " %" +
                  (require_five_week_reporting ? ", actual waits reported within five weeks" : "") +
                  ", status report by " + format_date(status_report_deadline) + "; a failing region's share is " +
                  (block2_failed == FailedShare::retained ? "retained" : "redistributed"));
  else
    out.push_back("Block 2 without conditions: every region by population share");
  return out;
}

Programme programme(const Parameters& p) {
  Programme prog;
  prog.key = "koemiljard-2019";
  prog.name = "Kömiljarden 2019";
  prog.description =
      "En ny, uppdaterad kömiljard 2019: Block 1 for shorter waits in specialist care "
      "(September–November 2019 against 2018), Block 2 for reporting, by population share";
  prog.year = 2019;
  prog.recipient_noun = "region";

  Pot block1;
  block1.key = "block-1";
  block1.name = "Block 1";
  block1.amount = p.block1;
  block1.block = "1";
  block1.period = Period{make_date(2019, 9, 1), make_date(2019, 11, 30)};
  block1.purpose = "Shorter waiting times in specialist care, September–November 2019 against the same months of 2018";
  for (const Group g : groups) {
    Pot group;
    group.key = std::string(group_key(g));
    group.name = "Block 1, " + std::string(group_label(g));
    group.block = "1";
    group.period = block1.period;
    group.purpose = block1.purpose;
    for (const unsigned m : months) {
      Staircase s;
      s.measure = {figure_key(g, m, under_90_2019), figure_key(g, m, under_90_2018), "share waiting < 90 days"};
      for (std::size_t k = 0; k < 3; ++k)
        s.steps.push_back({"step " + std::to_string(k + 1), p.step_weights[k], p.step_bounds[k]});
      s.membership = p.membership;
      s.roll_over = p.roll_over;
      s.split = p.step_split == StepSplit::population ? MemberSplit::by(std::string(population_key), "population")
                                                      : MemberSplit::equal();
      if (p.alternative)
        s.alternative = Alternative{figure_key(g, m, within_60_2019), "share waited ≤ 60 days", p.alternative_bound, 0,
                                    p.alternative_only_without_improvement};
      Pot leaf;
      leaf.key = month_key(m);
      leaf.name = "Block 1, " + std::string(group_label(g)) + ", " + std::string(month_name(m)) + " 2019";
      leaf.rule = std::move(s);
      leaf.block = "1";
      leaf.period = Period::month(2019, m);
      leaf.purpose = block1.purpose;
      group.children.push_back(std::move(leaf));
    }
    block1.children.push_back(std::move(group));
  }

  Pot block2;
  block2.key = "block-2";
  block2.name = "Block 2";
  block2.amount = p.block2;
  block2.block = "2";
  block2.period = Period::years(2019, 2019);
  block2.purpose = "Reporting to the waiting-time database and a status report";
  block2.rule = WeightedSplit{std::string(population_key), "population"};
  block2.eligibility.failed = p.block2_failed;
  if (p.block2_conditional) {
    block2.eligibility.conditions.push_back(
        Criterion::percent_at_least(std::string(response_key), "lowest monthly response rate", p.response_rate));
    if (p.require_five_week_reporting)
      block2.eligibility.conditions.push_back(
          Criterion::flag_set(std::string(five_weeks_key), "actual waiting times reported within five weeks"));
    block2.eligibility.conditions.push_back(
        Criterion::on_or_before(std::string(status_report_key), "status report", p.status_report_deadline));
  }

  prog.pots.push_back(std::move(block1));
  prog.pots.push_back(std::move(block2));
  return prog;
}

std::vector<Recipient> recipients(const std::vector<RegionInputs>& inputs) {
  std::vector<Recipient> out;
  std::map<const Region*, std::string> seen;
  for (const auto& in : inputs) {
    const Region* region = find_region(in.region);
    if (!region)
      throw value_error("unknown region '" + in.region +
                        "': expected one of the 21 regions, e.g. 'Uppsala', "
                        "'Region Jönköpings län', 'Västra Götaland'");
    const std::string who = std::string(region->short_name);
    if (const auto [it, inserted] = seen.emplace(region, in.region); !inserted)
      throw value_error(who + ": the region appears twice (as '" + it->second + "' and '" + in.region + "')");
    if (in.population <= 0)
      throw value_error(who + ": population must be a positive number of inhabitants, not " +
                        std::to_string(in.population));

    Recipient r;
    r.id = std::string(region->id);
    r.name = std::string(region->official_name);
    r.numbers[std::string(population_key)] = in.population;
    for (const Group g : groups) {
      const auto& figures = in.figures(g);
      for (const auto& entry : figures)
        if (!is_measured(entry.first))
          throw value_error(who + ": " + std::string(group_key(g)) + "[" + std::to_string(entry.first) + "]: month " +
                            std::to_string(entry.first) + " is not measured (only 9, 10 and 11: September–November)");
      for (const unsigned m : months) {
        const auto it = figures.find(m);
        // Built only for messages, so kept out of the common path.
        const auto field = [&] { return std::string(group_key(g)) + "[" + std::to_string(m) + "]"; };
        const auto when = [&] { return std::string(group_label(g)) + ", " + std::string(month_name(m)) + " 2019"; };
        if (it == figures.end()) throw value_error(who + ": " + field() + ": no figures for " + when());
        const std::pair<std::string_view, Percent> values[] = {{under_90_2018, it->second.under_90_2018},
                                                               {under_90_2019, it->second.under_90_2019},
                                                               {within_60_2019, it->second.within_60_2019}};
        for (const auto& [figure, value] : values) {
          if (!in_range(value))
            check_share(value, who, field() + "." + std::string(figure), when() + ", " + figure_label(figure));
          r.percents.emplace(figure_key(g, m, figure), value);
        }
      }
    }
    check_share(in.reporting.lowest_response_rate, who, "reporting.lowest_response_rate",
                "lowest monthly response rate");
    r.percents[std::string(response_key)] = in.reporting.lowest_response_rate;
    r.flags[std::string(five_weeks_key)] = in.reporting.actual_waits_within_five_weeks;
    if (in.reporting.status_report) r.dates[std::string(status_report_key)] = *in.reporting.status_report;
    out.push_back(std::move(r));
  }
  return out;
}

Result run(const std::vector<RegionInputs>& inputs, const Parameters& parameters) {
  Result result;
  result.parameters = parameters;
  const auto recips = recipients(inputs);
  result.allocation = programme(parameters).run(recips);
  for (std::size_t i = 0; i < recips.size(); ++i) {
    const Recipient& r = recips[i];
    RegionResult rr;
    rr.id = r.id;
    rr.name = r.name;
    rr.population = r.number(std::string(population_key));
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      for (std::size_t mi = 0; mi < months.size(); ++mi)
        rr.block1_months[gi][mi] = result.allocation.amount(r.id, pot_id(groups[gi], months[mi]));
      rr.block1_groups[gi] = result.allocation.amount(r.id, pot_id(groups[gi]));
    }
    rr.block1 = result.allocation.amount(r.id, "block-1");
    rr.block2 = result.allocation.amount(r.id, "block-2");
    rr.total = rr.block1 + rr.block2;
    if (const auto* share = result.allocation.pot("block-2").share_of(r.id))
      rr.failed_conditions = share->failed_conditions;
    result.regions.push_back(std::move(rr));
  }
  return result;
}

// ---------------------------------------------------------------------------
// Output.

namespace {

// Display width: every character Swedish names and amounts use is one column wide.
std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string pad_left(const std::string& s, std::size_t w) {
  return std::string(w > width(s) ? w - width(s) : 0, ' ') + s;
}
std::string pad_right(const std::string& s, std::size_t w) {
  return s + std::string(w > width(s) ? w - width(s) : 0, ' ');
}

std::string short_name(const std::string& id, const std::string& fallback) {
  for (const auto& r : regions())
    if (r.id == id) return std::string(r.short_name);
  return fallback;
}

}  // namespace

std::string Result::table(bool per_month) const {
  const ProgrammeResult& a = allocation;
  // Each money column is a pot; its footer rows come from that pot.
  struct Column {
    std::string title;
    std::string pot;  // empty: the whole programme
  };
  std::vector<Column> columns;
  if (per_month) {
    for (const Group g : groups)
      for (const unsigned m : months)
        columns.push_back(
            {std::string(g == Group::first_visits ? "Visits " : "Ops ") + std::string(month_name(m)).substr(0, 3),
             pot_id(g, m)});
  } else {
    columns.push_back({"Block 1 visits", pot_id(Group::first_visits)});
    columns.push_back({"Block 1 operations", pot_id(Group::operations)});
  }
  columns.push_back({"Block 1", "block-1"});
  columns.push_back({"Block 2", "block-2"});
  columns.push_back({"Total", ""});

  std::vector<std::vector<std::string>> rows;
  for (const auto& r : regions) {
    std::vector<std::string> row{short_name(r.id, r.name) + (r.failed_conditions.empty() ? "" : " *")};
    for (const auto& c : columns) row.push_back((c.pot.empty() ? r.total : a.amount(r.id, c.pot)).str());
    rows.push_back(std::move(row));
  }
  const std::size_t body = rows.size();
  const auto footer = [&](const std::string& label, auto&& value) {
    std::vector<std::string> row{label};
    for (const auto& c : columns) row.push_back(value(c.pot).str());
    rows.push_back(std::move(row));
  };
  footer("Paid", [&](const std::string& pot) { return pot.empty() ? a.paid_total() : a.paid(pot); });
  footer("Undistributed", [&](const std::string& pot) {
    if (!pot.empty()) return a.undistributed(pot);
    return a.undistributed("block-1") + a.undistributed("block-2");
  });
  footer("Pot", [&](const std::string& pot) { return pot.empty() ? a.amount_total() : a.pot(pot).amount; });

  std::vector<std::size_t> widths(columns.size() + 1, 0);
  widths[0] = width("Region");
  for (std::size_t i = 0; i < columns.size(); ++i) widths[i + 1] = width(columns[i].title);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));

  std::ostringstream out;
  out << allocation.name << ": " << a.amount_total().str() << " to the regions\n";
  for (const auto& line : parameters.describe()) out << "  " << line << '\n';
  out << '\n';
  const auto print_row = [&](const std::vector<std::string>& row) {
    out << pad_right(row[0], widths[0]);
    for (std::size_t i = 1; i < row.size(); ++i) out << "  " << pad_left(row[i], widths[i]);
    out << '\n';
  };
  std::vector<std::string> head{"Region"};
  for (const auto& c : columns) head.push_back(c.title);
  print_row(head);
  std::size_t total_width = widths[0];
  for (std::size_t i = 1; i < widths.size(); ++i) total_width += 2 + widths[i];
  const std::string rule(total_width, '-');
  out << rule << '\n';
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i == body) out << rule << '\n';
    print_row(rows[i]);
  }

  // The wording of the engine's explanation line for a failed condition.
  constexpr std::string_view failed_prefix = "fails the conditions: ";
  bool any_failed = false;
  for (const auto& r : regions)
    if (!r.failed_conditions.empty()) any_failed = true;
  if (any_failed) {
    out << "\n* Block 2 conditions not met:\n";
    for (const auto& r : regions)
      if (!r.failed_conditions.empty())
        for (const auto& line : a.pot("block-2").share_of(r.id)->explanation)
          if (line.rfind(failed_prefix, 0) == 0)
            out << "  " << short_name(r.id, r.name) << ": " << line.substr(failed_prefix.size()) << '\n';
  }
  bool header = false;
  for (const auto& p : a.pots) {
    if (!p.is_leaf() || p.leftovers.empty()) continue;
    if (!header) out << "\nUndistributed:\n";
    header = true;
    for (const auto& l : p.leftovers) out << "  " << p.name << ": " << l.amount.str() << ": " << l.reason << '\n';
  }
  return out.str();
}

std::string Result::to_json(int indent) const {
  using detail::money_json;
  using detail::ordered_json;
  ordered_json j;
  j["schema"] = "samverkan.koemiljard2019";
  j["version"] = 1;
  j["parameters"] = parameters.describe();
  j["regions"] = ordered_json::array();
  for (const auto& r : regions) {
    ordered_json rj;
    rj["id"] = r.id;
    rj["name"] = r.name;
    rj["population"] = r.population;
    ordered_json b1;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      ordered_json gj;
      for (std::size_t mi = 0; mi < months.size(); ++mi)
        gj[month_key(months[mi])] = money_json(r.block1_months[gi][mi]);
      gj["total"] = money_json(r.block1_groups[gi]);
      b1[std::string(group_key(groups[gi]))] = std::move(gj);
    }
    b1["total"] = money_json(r.block1);
    rj["block1"] = std::move(b1);
    rj["block2"] = money_json(r.block2);
    rj["total"] = money_json(r.total);
    rj["failed_conditions"] = r.failed_conditions;
    j["regions"].push_back(std::move(rj));
  }
  const ProgrammeResult& a = allocation;
  ordered_json totals;
  for (const std::string pot : {"block-1", "block-2"})
    totals[pot] = {{"amount", money_json(a.pot(pot).amount)},
                   {"paid", money_json(a.paid(pot))},
                   {"undistributed", money_json(a.undistributed(pot))}};
  totals["all"] = {{"amount", money_json(a.amount_total())},
                   {"paid", money_json(a.paid_total())},
                   {"undistributed", money_json(a.undistributed("block-1") + a.undistributed("block-2"))}};
  j["totals"] = std::move(totals);
  j["allocation"] = detail::programme_json(a);
  return detail::dump_json(j, indent);
}

// ---------------------------------------------------------------------------
// CSV.

namespace {

struct Cell {
  std::string text;
  bool quoted = false;
};

struct CsvColumn {
  enum Kind { region, population, figure, response, five_weeks, status_report };
  Kind kind = region;
  Group group = Group::first_visits;
  unsigned month = 0;
  std::string_view which;  // the figure, for kind figure
};

std::map<std::string, CsvColumn> csv_columns() {
  std::map<std::string, CsvColumn> m;
  m["region"] = {CsvColumn::region};
  m["population"] = {CsvColumn::population};
  const std::pair<std::string_view, std::string_view> figures[] = {
      {"u90_2018", under_90_2018}, {"u90_2019", under_90_2019}, {"le60_2019", within_60_2019}};
  for (const Group g : groups)
    for (const unsigned mo : months)
      for (const auto& [suffix, figure] : figures) {
        const std::string name = std::string(g == Group::first_visits ? "visits" : "operations") + "_" +
                                 fold(std::string(month_name(mo)).substr(0, 3)) + "_" + std::string(suffix);
        m[name] = {CsvColumn::figure, g, mo, figure};
      }
  m["response_rate_min"] = {CsvColumn::response};
  m["reported_within_5_weeks"] = {CsvColumn::five_weeks};
  m["status_report_date"] = {CsvColumn::status_report};
  return m;
}

class CsvReader {
 public:
  CsvReader(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  std::vector<RegionInputs> read() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
    const auto columns = csv_columns();
    std::vector<const CsvColumn*> layout;
    std::vector<std::string> names;
    std::vector<RegionInputs> out;
    std::vector<std::size_t> lines_of;
    std::map<const Region*, std::size_t> first_line;
    bool have_header = false;
    std::size_t pos = 0;
    while (pos <= text_.size()) {
      const auto end = text_.find('\n', pos);
      std::string_view line = text_.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
      pos = end == std::string_view::npos ? text_.size() + 1 : end + 1;
      ++line_;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const std::string_view trimmed = trim(line);
      if (trimmed.empty() || trimmed.front() == '#') continue;
      if (!have_header) {
        separator_ = line.find(';') != std::string_view::npos ? ';' : ',';
        std::set<std::string> seen;
        for (const auto& cell : cells(line)) {
          const std::string name = fold(cell.text);
          const auto it = columns.find(name);
          if (it == columns.end()) fail("unknown column '" + cell.text + "' (see data/allocation/README.md)");
          if (!seen.insert(name).second) fail("the column '" + name + "' appears twice");
          layout.push_back(&it->second);
          names.push_back(name);
        }
        std::string missing;
        for (const auto& [name, column] : columns)
          if (!seen.count(name)) missing += (missing.empty() ? "" : ", ") + name;
        if (!missing.empty()) fail("missing columns: " + missing);
        have_header = true;
        continue;
      }
      const auto row = cells(line);
      if (row.size() != layout.size())
        fail("has " + std::to_string(row.size()) + " cells, but the header names " + std::to_string(layout.size()) +
             " columns");
      RegionInputs in;
      const Region* region = nullptr;
      for (std::size_t i = 0; i < row.size(); ++i)
        if (layout[i]->kind == CsvColumn::region) {
          in.region = std::string(trim(row[i].text));
          region = find_region(in.region);
          if (in.region.empty()) fail("region: the cell is empty");
          if (!region)
            fail("region: unknown region '" + in.region +
                 "': expected one of the 21 regions, e.g. 'Uppsala', 'Region Jönköpings län', 'Västra Götaland'");
          if (const auto [it, inserted] = first_line.emplace(region, line_); !inserted)
            fail(std::string(region->short_name) + ": region: the region appears twice (first on line " +
                 std::to_string(it->second) + ")");
        }
      const std::string who = region_label(region, in.region);
      for (std::size_t i = 0; i < row.size(); ++i)
        read_cell(in, *layout[i], names[i], std::string(trim(row[i].text)), who);
      try {
        recipients({in});
      } catch (const parse_error&) {
        throw;
      } catch (const value_error& e) {
        fail(e.what());
      }
      out.push_back(std::move(in));
    }
    if (!have_header) throw parse_error("no header row: the file has no columns", std::string(source_), 0);
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const { throw parse_error(message, std::string(source_), line_); }

  std::vector<Cell> cells(std::string_view line) const {
    std::vector<Cell> out;
    std::size_t i = 0;
    while (true) {
      Cell cell;
      // Leading spaces before a quote are allowed; spaces inside quotes are kept.
      std::size_t j = i;
      while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
      if (j < line.size() && line[j] == '"') {
        cell.quoted = true;
        i = j + 1;
        while (true) {
          if (i >= line.size()) fail("a quoted cell is not closed");
          if (line[i] == '"') {
            if (i + 1 < line.size() && line[i + 1] == '"') {
              cell.text += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          cell.text += line[i++];
        }
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        if (i < line.size() && line[i] != separator_) fail("unexpected text after a quoted cell");
      } else {
        const auto sep = line.find(separator_, i);
        cell.text = std::string(line.substr(i, sep == std::string_view::npos ? std::string_view::npos : sep - i));
        i = sep == std::string_view::npos ? line.size() : sep;
      }
      out.push_back(std::move(cell));
      if (i >= line.size()) break;
      ++i;  // the separator
      if (i == line.size()) {
        out.push_back(Cell{});
        break;
      }
    }
    return out;
  }

  void read_cell(RegionInputs& in, const CsvColumn& column, const std::string& name, const std::string& text,
                 const std::string& who) const {
    const auto where = [&](const std::string& why) { fail(who + ": " + name + ": " + why); };
    if (column.kind == CsvColumn::region) return;
    if (text.empty()) {
      if (column.kind == CsvColumn::status_report) return;
      if (column.kind == CsvColumn::figure)
        where("the cell is empty: the figures for " + std::string(group_label(column.group)) + ", " +
              std::string(month_name(column.month)) + " 2019 are missing");
      where("the cell is empty");
    }
    switch (column.kind) {
      case CsvColumn::population: {
        // Digits, optionally grouped by spaces or no-break spaces: "2 344 124".
        std::string digits;
        for (std::size_t i = 0; i < text.size(); ++i) {
          if (text[i] >= '0' && text[i] <= '9') {
            digits += text[i];
          } else if (text[i] == ' ') {
          } else if (text.compare(i, 2, "\xC2\xA0") == 0) {
            ++i;
          } else if (i == 0 && text[i] == '-') {
            where("the population " + text + " is negative");
          } else {
            where("'" + text + "' is not a whole number of inhabitants");
          }
        }
        if (digits.empty() || digits.size() > 12) where("'" + text + "' is not a whole number of inhabitants");
        in.population = std::stoll(digits);
        if (in.population == 0) where("the population must be positive");
        return;
      }
      case CsvColumn::figure:
      case CsvColumn::response: {
        Percent p;
        try {
          p = Percent::parse(text);
        } catch (const parse_error& e) {
          where(e.what());
        }
        if (p < Percent() || p > Percent::points(100)) where(p.str() + " % is outside 0–100 %");
        if (column.kind == CsvColumn::response) {
          in.reporting.lowest_response_rate = p;
          return;
        }
        auto& f = in.figures(column.group)[column.month];
        if (column.which == under_90_2018)
          f.under_90_2018 = p;
        else if (column.which == under_90_2019)
          f.under_90_2019 = p;
        else
          f.within_60_2019 = p;
        return;
      }
      case CsvColumn::five_weeks: {
        const std::string v = fold(text);
        if (v == "ja" || v == "j" || v == "yes" || v == "y" || v == "true" || v == "1" || v == "x")
          in.reporting.actual_waits_within_five_weeks = true;
        else if (v == "nej" || v == "n" || v == "no" || v == "false" || v == "0")
          in.reporting.actual_waits_within_five_weeks = false;
        else
          where("'" + text + "' is not yes or no (ja/nej, yes/no, true/false, 1/0)");
        return;
      }
      case CsvColumn::status_report: {
        if (text == "-") return;
        try {
          in.reporting.status_report = parse_date(text);
        } catch (const parse_error& e) {
          where(e.what());
        }
        return;
      }
      case CsvColumn::region: return;
    }
  }

  std::string_view text_;
  std::string_view source_;
  std::size_t line_ = 0;
  char separator_ = ',';
};

}  // namespace

std::vector<RegionInputs> parse_csv(std::string_view text, std::string_view source) {
  return CsvReader(text, source).read();
}

std::vector<RegionInputs> read_csv(const std::filesystem::path& path) {
  // The library's one bounded reader: no hang on a FIFO, no endless /dev/zero.
  return parse_csv(::samverkan::detail::read_file(path), path.string());
}

}  // namespace allocate::koemiljard2019
SAMVERKAN_END_NAMESPACE
