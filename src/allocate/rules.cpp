#include <samverkan/allocate/rules.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace allocate {

namespace {

[[noreturn]] void missing(const Recipient& r, const char* kind, const std::string& key) {
  throw value_error("recipient '" + r.label() + "': no " + kind + " input '" + key + "'");
}

template <class Map>
const typename Map::mapped_type& lookup(const Recipient& r, const Map& map, const char* kind, const std::string& key) {
  const auto it = map.find(key);
  if (it == map.end()) missing(r, kind, key);
  return it->second;
}

std::string points_bound(const Bound& b) { return b.str() + " points"; }

std::string step_list(const Staircase& s) {
  std::string out;
  for (std::size_t i = 0; i < s.steps.size(); ++i) {
    if (i) out += ", ";
    out += s.steps[i].name + " " + points_bound(s.steps[i].bound) + " → weight " + std::to_string(s.steps[i].weight);
  }
  return out;
}

}  // namespace

std::int64_t Recipient::number(const std::string& key) const { return lookup(*this, numbers, "number", key); }
Percent Recipient::percent(const std::string& key) const { return lookup(*this, percents, "percentage", key); }
bool Recipient::flag(const std::string& key) const { return lookup(*this, flags, "yes/no", key); }
std::optional<Date> Recipient::date(const std::string& key) const {
  const auto it = dates.find(key);
  if (it == dates.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Criterion::check(const Recipient& r) const {
  if (!test) return std::nullopt;
  return test(r);
}

Criterion Criterion::percent_at_least(std::string key, std::string name, Bound bound) {
  Criterion c;
  c.description = name + " " + bound.str() + " %";
  c.test = [key = std::move(key), name, bound](const Recipient& r) -> std::optional<std::string> {
    const Percent value = r.percent(key);
    if (bound.admits(value)) return std::nullopt;
    return name + " is " + value.str() + " %, needs " + bound.str() + " %";
  };
  c.name = std::move(name);
  return c;
}

Criterion Criterion::flag_set(std::string key, std::string name) {
  Criterion c;
  c.description = name;
  c.test = [key = std::move(key), name](const Recipient& r) -> std::optional<std::string> {
    if (r.flag(key)) return std::nullopt;
    return "not met: " + name;
  };
  c.name = std::move(name);
  return c;
}

Criterion Criterion::on_or_before(std::string key, std::string name, Date deadline) {
  Criterion c;
  c.description = name + " by " + format_date(deadline);
  c.test = [key = std::move(key), name, deadline](const Recipient& r) -> std::optional<std::string> {
    const auto when = r.date(key);
    if (!when) return name + ": none submitted (due " + format_date(deadline) + ")";
    if (*when <= deadline) return std::nullopt;
    return name + " submitted " + format_date(*when) + ", after the deadline " + format_date(deadline);
  };
  c.name = std::move(name);
  return c;
}

WeightedFormula WeightedFormula::linear(std::vector<std::pair<std::string, std::int64_t>> number_terms,
                                        std::vector<std::pair<std::string, std::int64_t>> percent_terms) {
  WeightedFormula f;
  for (const auto& [key, coefficient] : number_terms)
    f.description += (f.description.empty() ? "" : " + ") + std::to_string(coefficient) + " × " + key;
  for (const auto& [key, coefficient] : percent_terms)
    f.description +=
        (f.description.empty() ? "" : " + ") + std::to_string(coefficient) + " × " + key + " (hundredths of a point)";
  f.weight = [numbers = std::move(number_terms), percents = std::move(percent_terms)](const Recipient& r) {
    std::int64_t sum = 0;
    const auto add = [&](std::int64_t value, std::int64_t coefficient, const std::string& key) {
      std::int64_t term = 0;
      if (__builtin_mul_overflow(value, coefficient, &term) || __builtin_add_overflow(sum, term, &sum))
        throw overflow_error("recipient '" + r.label() + "': the weight overflows at input '" + key + "'");
    };
    for (const auto& [key, coefficient] : numbers) add(r.number(key), coefficient, key);
    for (const auto& [key, coefficient] : percents) add(r.percent(key).hundredths(), coefficient, key);
    if (sum < 0)
      throw value_error("recipient '" + r.label() + "': the formula gives a negative weight (" + std::to_string(sum) +
                        ")");
    return static_cast<std::uint64_t>(sum);
  };
  return f;
}

Percent Measure::of(const Recipient& r) const {
  const Percent value = r.percent(key);
  if (baseline_key.empty()) return value;
  return value - r.percent(baseline_key);
}

void Staircase::check() const {
  if (steps.empty()) throw value_error("a staircase needs at least one step");
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& step = steps[i];
    if (step.name.empty()) throw value_error("staircase step " + std::to_string(i + 1) + " has no name");
    for (std::size_t j = 0; j < i; ++j)
      if (steps[j].name == step.name) throw value_error("two staircase steps are named '" + step.name + "'");
    if (__builtin_add_overflow(total, step.weight, &total))
      throw overflow_error("the staircase's step weights overflow");
    if (i == 0) continue;
    const Bound& below = steps[i - 1].bound;
    const bool rises =
        step.bound.value > below.value || (step.bound.value == below.value && below.inclusive && !step.bound.inclusive);
    if (!rises)
      throw value_error("staircase step '" + step.name + "' (" + points_bound(step.bound) + ") must lie above step '" +
                        steps[i - 1].name + "' (" + points_bound(below) + ")");
  }
  if (total == 0) throw value_error("every staircase step has weight 0");
  if (measure.key.empty()) throw value_error("the staircase's measure names no input");
  if (alternative && alternative->step >= steps.size())
    throw value_error("the staircase's alternative opens step " + std::to_string(alternative->step + 1) + " of " +
                      std::to_string(steps.size()));
  if (!split.is_equal() && split.weight_key.empty()) throw value_error("the staircase's split names no input");
}

std::string rule_name(const Rule& rule) {
  struct {
    std::string operator()(const EqualSplit&) const { return "equal_split"; }
    std::string operator()(const WeightedSplit&) const { return "weighted_split"; }
    std::string operator()(const FixedAmounts&) const { return "fixed_amounts"; }
    std::string operator()(const WeightedFormula&) const { return "weighted_formula"; }
    std::string operator()(const Staircase&) const { return "staircase"; }
  } visitor;
  return std::visit(visitor, rule);
}

std::string describe(const Rule& rule) {
  struct {
    std::string operator()(const EqualSplit&) const { return "equal split among the recipients"; }
    std::string operator()(const WeightedSplit& w) const {
      return "in proportion to " + w.label + " ('" + w.key + "')";
    }
    std::string operator()(const FixedAmounts& f) const {
      std::string out = "fixed amounts:";
      for (const auto& [who, amount] : f.amounts) out += " " + who + " " + amount.str() + ";";
      if (!f.amounts.empty()) out.pop_back();
      return out;
    }
    std::string operator()(const WeightedFormula& f) const { return "in proportion to the weight " + f.description; }
    std::string operator()(const Staircase& s) const {
      std::string out = "staircase on ";
      out += s.measure.baseline_key.empty() ? s.measure.label : "the change in " + s.measure.label + " (points)";
      out += ": " + step_list(s);
      out += s.membership == StepMembership::cumulative ? "; steps are cumulative (a higher step also shares the lower)"
                                                        : "; steps are exclusive (only the highest step reached)";
      if (s.alternative) {
        const std::size_t k = s.alternative->step;
        out += "; alternative: " + s.alternative->label + " " + s.alternative->bound.str() + " % opens " +
               (k < s.steps.size() ? s.steps[k].name : "step " + std::to_string(k + 1)) + ", paid once";
        if (s.alternative->only_without_improvement) out += ", only for recipients that did not improve";
      }
      out += s.roll_over == RollOver::to_step_below ? "; an unreached step's money rolls to the step below"
                                                    : "; an unreached step's money stays undistributed";
      out += s.split.is_equal() ? "; a step is split equally" : "; a step is split by " + s.split.label;
      return out;
    }
  } visitor;
  return std::visit(visitor, rule);
}

}  // namespace allocate
SAMVERKAN_END_NAMESPACE
