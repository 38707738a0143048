#include "internal.hpp"

#include <samverkan/allocate/programme.hpp>
#include <samverkan/allocate/split.hpp>
#include <samverkan/corpus.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace allocate {

namespace detail {

std::string group_digits_unsigned(std::uint64_t value) {
  const std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

std::string group_digits(std::int64_t value) {
  if (value >= 0) return group_digits_unsigned(static_cast<std::uint64_t>(value));
  return "-" + group_digits_unsigned(std::uint64_t{0} - static_cast<std::uint64_t>(value));
}

ordered_json money_json(const Money& m) {
  ordered_json j = {{"ore", m.ore()}, {"currency", m.currency().code()}};
  if (m.approximate()) j["approximate"] = true;
  return j;
}

std::string dump_json(const ordered_json& j, int indent) {
  return j.dump(indent < 0 ? -1 : indent, ' ', false, nlohmann::ordered_json::error_handler_t::strict);
}

}  // namespace detail

namespace {

using detail::group_digits;
using detail::group_digits_unsigned;

Money zero_like(const Money& m) { return Money::from_ore(0, m.currency()); }

std::string points(Percent p) { return (p.hundredths() > 0 ? "+" : "") + p.str() + " points"; }

// ---------------------------------------------------------------------------
// Applying one rule to the recipients of a leaf pot.

struct RuleShare {
  Money amount;
  std::optional<std::size_t> step;
  bool via_alternative = false;
  std::vector<std::string> lines;
};

struct RuleOutcome {
  std::vector<RuleShare> shares;  // one per member, in order
  std::vector<Leftover> leftovers;
};

using Members = std::vector<const Recipient*>;

RuleOutcome empty_outcome(const Money& amount, std::size_t n) {
  RuleOutcome out;
  out.shares.assign(n, RuleShare{zero_like(amount), std::nullopt, false, {}});
  return out;
}

std::vector<SplitPart> parts_of(const Members& members, const std::vector<std::uint64_t>& weights) {
  std::vector<SplitPart> parts;
  parts.reserve(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) parts.push_back({members[i]->id, weights[i]});
  return parts;
}

std::uint64_t checked_weight(const Recipient& r, const std::string& key, const std::string& label) {
  const std::int64_t value = r.number(key);
  if (value < 0)
    throw value_error("recipient '" + r.label() + "': " + label + " ('" + key + "') is negative (" +
                      std::to_string(value) + ")");
  return static_cast<std::uint64_t>(value);
}

std::uint64_t sum_weights(const std::vector<std::uint64_t>& weights) {
  std::uint64_t total = 0;
  for (const auto w : weights)
    if (__builtin_add_overflow(total, w, &total)) throw overflow_error("the weights add up beyond 2^64 - 1");
  return total;
}

// Weighted split with explanation lines "<label> 383 713 of 10 230 185: 12 003 456,78 kr".
void weighted(RuleOutcome& out, const Money& amount, const Members& members, const std::vector<std::uint64_t>& weights,
              const std::string& label, const std::string& noun) {
  const std::uint64_t total = sum_weights(weights);
  if (members.empty()) {
    out.leftovers.push_back({amount, "no " + noun + " to share the pot"});
    return;
  }
  if (total == 0) {
    out.leftovers.push_back({amount, "every " + noun + "'s " + label + " is 0"});
    return;
  }
  const auto amounts = split(amount, parts_of(members, weights));
  for (std::size_t i = 0; i < members.size(); ++i) {
    out.shares[i].amount = amounts[i];
    out.shares[i].lines.push_back(label + " " + group_digits_unsigned(weights[i]) + " of " +
                                  group_digits_unsigned(total) + ": " + amounts[i].str());
  }
}

RuleOutcome apply(const EqualSplit&, const Money& amount, const Members& members, const std::string& noun) {
  auto out = empty_outcome(amount, members.size());
  if (members.empty()) {
    out.leftovers.push_back({amount, "no " + noun + " to share the pot"});
    return out;
  }
  std::vector<std::string> keys;
  for (const auto* r : members) keys.push_back(r->id);
  const auto amounts = split_equally(amount, keys);
  for (std::size_t i = 0; i < members.size(); ++i) {
    out.shares[i].amount = amounts[i];
    out.shares[i].lines.push_back("equal split among " + std::to_string(members.size()) + ": " + amounts[i].str());
  }
  return out;
}

RuleOutcome apply(const WeightedSplit& rule, const Money& amount, const Members& members, const std::string& noun) {
  auto out = empty_outcome(amount, members.size());
  std::vector<std::uint64_t> weights;
  for (const auto* r : members) weights.push_back(checked_weight(*r, rule.key, rule.label));
  weighted(out, amount, members, weights, rule.label, noun);
  return out;
}

RuleOutcome apply(const FixedAmounts& rule, const Money& amount, const Members& members, const std::string&) {
  auto out = empty_outcome(amount, members.size());
  Money assigned = zero_like(amount);
  for (const auto& [who, fixed] : rule.amounts) {
    if (fixed.ore() < 0) throw value_error("the fixed amount for '" + who + "' is negative (" + fixed.str() + ")");
    assigned += fixed;
  }
  if (assigned > amount)
    throw value_error("the fixed amounts add up to " + assigned.str() + ", more than the pot's " + amount.str());
  Money paid = zero_like(amount);
  for (std::size_t i = 0; i < members.size(); ++i) {
    const auto it = rule.amounts.find(members[i]->id);
    if (it == rule.amounts.end()) {
      out.shares[i].lines.push_back("no fixed amount");
      continue;
    }
    out.shares[i].amount = it->second.with_approximate(amount.approximate());
    out.shares[i].lines.push_back("fixed amount: " + it->second.str());
    paid += out.shares[i].amount;
  }
  if (const Money rest = amount - paid; rest.ore() != 0)
    out.leftovers.push_back({rest, "not assigned to a participating recipient by the fixed amounts"});
  return out;
}

RuleOutcome apply(const WeightedFormula& rule, const Money& amount, const Members& members, const std::string& noun) {
  auto out = empty_outcome(amount, members.size());
  if (!rule.weight) throw value_error("the weighted formula '" + rule.description + "' has no weight function");
  std::vector<std::uint64_t> weights;
  for (const auto* r : members) weights.push_back(rule.weight(*r));
  weighted(out, amount, members, weights, "weight (" + rule.description + ")", noun);
  return out;
}

std::string step_label(const Step& step) { return step.name + " (" + step.bound.str() + " points)"; }

std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

RuleOutcome apply(const Staircase& s, const Money& amount, const Members& members, const std::string& noun) {
  auto out = empty_outcome(amount, members.size());
  const std::size_t n_steps = s.steps.size();

  // Which step each member reached, and how.
  std::vector<std::size_t> level(members.size(), 0);
  for (std::size_t i = 0; i < members.size(); ++i) {
    const Recipient& r = *members[i];
    auto& lines = out.shares[i].lines;
    const Percent m = s.measure.of(r);
    if (s.measure.baseline_key.empty()) {
      lines.push_back(s.measure.label + ": " + m.str() + " %");
    } else {
      lines.push_back(s.measure.label + ": " + r.percent(s.measure.key).str() + " % against " +
                      r.percent(s.measure.baseline_key).str() + " % before, a change of " + points(m));
    }
    std::size_t by_measure = 0;
    for (std::size_t k = 0; k < n_steps; ++k)
      if (s.steps[k].bound.admits(m)) by_measure = k + 1;
    std::size_t by_alternative = 0;
    std::string alternative_note;
    if (s.alternative) {
      const auto& alt = *s.alternative;
      const Percent a = r.percent(alt.key);
      const std::string fact = alt.label + " " + a.str() + " % (needs " + alt.bound.str() + " %)";
      if (!alt.bound.admits(a)) {
        alternative_note = "the alternative is not met: " + fact;
      } else if (alt.only_without_improvement && m.hundredths() > 0) {
        alternative_note = "the alternative (" + fact + ") is closed to a " + noun +
                           " that improved at all (strict reading of \"paid for the improvement only\")";
      } else {
        by_alternative = alt.step + 1;
        alternative_note = "the alternative is met: " + fact;
      }
    }
    level[i] = std::max(by_measure, by_alternative);
    out.shares[i].step = level[i];
    out.shares[i].via_alternative = by_alternative > by_measure;
    if (by_measure > 0) {
      std::string line = "reaches " + step_label(s.steps[by_measure - 1]) + " by the change";
      if (by_alternative > 0)
        line += by_alternative > by_measure
                    ? "; the alternative opens the higher " + s.steps[by_alternative - 1].name +
                          ", so it is paid for that, once"
                    : "; it also meets the alternative, but is paid for one reason only: the change";
      lines.push_back(line);
    } else {
      lines.push_back("reaches no step by the change: the lowest, " + s.steps[0].name + ", needs " +
                      s.steps[0].bound.str() + " points");
    }
    if (!alternative_note.empty()) lines.push_back(alternative_note);
    if (by_alternative > by_measure)
      lines.push_back("reaches " + s.steps[by_alternative - 1].name + " through the alternative");
  }

  // Members of each step.
  std::vector<std::vector<std::size_t>> in_step(n_steps);
  for (std::size_t i = 0; i < members.size(); ++i)
    for (std::size_t k = 0; k < n_steps; ++k) {
      const bool member = s.membership == StepMembership::cumulative ? level[i] >= k + 1 : level[i] == k + 1;
      if (member) in_step[k].push_back(i);
    }
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (level[i] == 0) continue;
    out.shares[i].lines.push_back(s.membership == StepMembership::cumulative && level[i] > 1
                                      ? "shares " + s.steps[0].name + " to " + s.steps[level[i] - 1].name +
                                            " (cumulative steps)"
                                      : "shares " + s.steps[level[i] - 1].name + " only");
  }

  // The steps' money, rolled down from the top. Each member's step lines are
  // inserted at one place, so that they read bottom step first.
  std::vector<std::size_t> insert_at(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) insert_at[i] = out.shares[i].lines.size();
  std::vector<SplitPart> step_parts;
  for (const auto& step : s.steps) step_parts.push_back({step.name, step.weight});
  const auto step_amounts = split(amount, step_parts);
  const bool anyone = std::any_of(level.begin(), level.end(), [](std::size_t l) { return l > 0; });
  Money carry = zero_like(amount);
  std::vector<std::string> carried_from;  // names of the empty steps whose money is carried
  for (std::size_t k = n_steps; k-- > 0;) {
    const Step& step = s.steps[k];
    const Money pot = step_amounts[k] + carry;
    const std::string rolled = carry.ore() == 0 ? std::string()
                                                : " including " + carry.str() + " rolled over from " +
                                                      name_list(carried_from) + ", which no " + noun + " reached";
    if (in_step[k].empty()) {
      if (s.roll_over == RollOver::to_step_below && k > 0) {
        carry = pot;
        carried_from.insert(carried_from.begin(), step.name);
        continue;
      }
      std::string reason;
      if (!anyone)
        reason = "no " + noun + " reached " + step_label(s.steps[0]) + (s.alternative ? " or the alternative" : "") +
                 ": nothing is paid from this pot";
      else if (k == 0)
        reason = "no " + noun + " is in " + step_label(step) + " and there is no step below to take its money";
      else
        reason = "no " + noun + " reached " + step_label(step) + " and roll-over is off";
      if (pot.ore() != 0)
        out.leftovers.push_back({pot, reason + (rolled.empty() ? "" : " (" + rolled.substr(1) + ")")});
      carry = zero_like(amount);
      carried_from.clear();
      continue;
    }
    const auto& who = in_step[k];
    std::vector<SplitPart> parts;
    std::vector<std::uint64_t> weights;
    for (const auto i : who) {
      const std::uint64_t w = s.split.is_equal() ? 1 : checked_weight(*members[i], s.split.weight_key, s.split.label);
      weights.push_back(w);
      parts.push_back({members[i]->id, w});
    }
    const std::uint64_t total = sum_weights(weights);
    const std::string head = step_label(step) + ": " + pot.str() + rolled;
    if (total == 0) {
      out.leftovers.push_back({pot, head + "; every " + noun + " in it has " + s.split.label + " 0"});
    } else {
      const auto amounts = split(pot, parts);
      for (std::size_t j = 0; j < who.size(); ++j) {
        auto& share = out.shares[who[j]];
        share.amount += amounts[j];
        const std::string how = s.split.is_equal()
                                    ? "split equally among " + std::to_string(who.size())
                                    : "split by " + s.split.label + " " + group_digits_unsigned(weights[j]) + " of " +
                                          group_digits_unsigned(total);
        share.lines.insert(share.lines.begin() + static_cast<std::ptrdiff_t>(insert_at[who[j]]),
                           head + ", " + how + ": " + amounts[j].str());
      }
    }
    carry = zero_like(amount);
    carried_from.clear();
  }
  return out;
}

RuleOutcome apply_rule(const Rule& rule, const Money& amount, const Members& members, const std::string& noun) {
  return std::visit([&](const auto& r) { return apply(r, amount, members, noun); }, rule);
}

// ---------------------------------------------------------------------------
// Walking the tree of pots.

std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "/" + key;
}

void check_pot(const Pot& pot, const std::string& parent, bool top) {
  const std::string id = join_path(parent, pot.key);
  const std::string where = "pot '" + id + "'";
  if (pot.key.empty())
    throw value_error("a pot" + (parent.empty() ? std::string() : " under '" + parent + "'") + " has no key");
  if (pot.key.find('/') != std::string::npos) throw value_error(where + ": a key cannot contain '/'");
  if (pot.amount.ore() < 0) throw value_error(where + ": the amount " + pot.amount.str() + " is negative");
  if (!top && pot.amount.ore() != 0)
    throw value_error(where + ": only a top-level pot has an amount of its own; a child's comes from its weight");
  if (pot.children.empty()) {
    if (!pot.rule) throw value_error(where + ": a pot without children needs a rule");
    if (const auto* s = std::get_if<Staircase>(&*pot.rule)) {
      try {
        s->check();
      } catch (const value_error& e) {
        throw value_error(where + ": " + e.what());
      }
    }
    return;
  }
  if (pot.rule) throw value_error(where + ": a pot with children cannot have a rule of its own");
  if (!pot.eligibility.empty()) throw value_error(where + ": conditions belong on the pots that apply a rule");
  std::set<std::string> keys;
  std::uint64_t total = 0;
  for (const auto& child : pot.children) {
    if (!keys.insert(child.key).second) throw value_error(where + ": two children have the key '" + child.key + "'");
    if (__builtin_add_overflow(total, child.weight, &total))
      throw overflow_error(where + ": the children's weights overflow");
  }
  if (total == 0) throw value_error(where + ": every child has weight 0");
  for (const auto& child : pot.children) check_pot(child, id, false);
}

class Runner {
 public:
  Runner(const Programme& programme, const std::vector<Recipient>& recipients)
      : programme_(programme), recipients_(recipients) {}

  void walk(const Pot& pot, const std::string& parent, const Money& amount, ProgrammeResult& result) {
    PotResult pr;
    pr.id = join_path(parent, pot.key);
    pr.key = pot.key;
    pr.name = pot.name.empty() ? pr.id : pot.name;
    pr.parent = parent;
    pr.amount = amount;
    pr.weight = pot.weight;
    pr.block = pot.block;
    pr.period = pot.period;
    pr.purpose = pot.purpose;
    for (const auto& child : pot.children) pr.children.push_back(join_path(pr.id, child.key));
    if (pot.children.empty()) leaf(pot, pr);
    const std::string id = pr.id;
    result.pots.push_back(std::move(pr));
    if (pot.children.empty()) return;
    std::vector<SplitPart> parts;
    for (const auto& child : pot.children) parts.push_back({child.key, child.weight});
    const auto amounts = split(amount, parts);
    for (std::size_t i = 0; i < pot.children.size(); ++i) walk(pot.children[i], id, amounts[i], result);
  }

 private:
  void leaf(const Pot& pot, PotResult& pr) {
    const std::string& noun = programme_.recipient_noun.empty() ? std::string("recipient") : programme_.recipient_noun;
    const Rule& rule = *pot.rule;
    pr.rule = rule_name(rule);
    pr.rule_description = describe(rule);
    for (const auto& c : pot.eligibility.conditions)
      pr.conditions.push_back(c.description.empty() ? c.name : c.description);

    // Conditions first: they decide who takes part.
    std::vector<std::vector<std::string>> failed_names(recipients_.size()), failed_why(recipients_.size());
    for (std::size_t i = 0; i < recipients_.size(); ++i)
      for (const auto& c : pot.eligibility.conditions)
        if (auto why = c.check(recipients_[i])) {
          failed_names[i].push_back(c.name);
          failed_why[i].push_back(*why);
        }
    const bool redistribute = pot.eligibility.failed == FailedShare::redistributed;
    Members members;
    std::vector<std::size_t> member_index(recipients_.size(), recipients_.size());
    for (std::size_t i = 0; i < recipients_.size(); ++i)
      if (!redistribute || failed_names[i].empty()) {
        member_index[i] = members.size();
        members.push_back(&recipients_[i]);
      }

    RuleOutcome outcome = apply_rule(rule, pr.amount, members, noun);
    pr.leftovers = std::move(outcome.leftovers);

    for (std::size_t i = 0; i < recipients_.size(); ++i) {
      const Recipient& r = recipients_[i];
      Share share;
      share.recipient = r.id;
      share.amount = zero_like(pr.amount);
      share.withheld = zero_like(pr.amount);
      share.failed_conditions = failed_names[i];
      const bool failed = !failed_names[i].empty();
      std::string failure;
      for (const auto& why : failed_why[i]) failure += (failure.empty() ? "" : "; ") + why;
      if (!pot.eligibility.empty() && !failed)
        share.explanation.push_back("meets the conditions: " + join(pr.conditions));
      if (failed) share.explanation.push_back("fails the conditions: " + failure);
      if (member_index[i] < members.size()) {
        RuleShare& rs = outcome.shares[member_index[i]];
        share.step = rs.step;
        share.via_alternative = rs.via_alternative;
        for (auto& line : rs.lines) share.explanation.push_back(std::move(line));
        if (failed) {
          share.withheld = rs.amount;
          share.explanation.push_back("its " + rs.amount.str() + " is retained: not paid, not shared by the others");
          if (rs.amount.ore() != 0)
            pr.leftovers.push_back(
                {rs.amount, r.label() + " failed the conditions (" + failure + "); its share is retained"});
        } else {
          share.amount = rs.amount;
        }
      } else {
        share.explanation.push_back("left out: the pot is shared among the " + noun + "s that meet the conditions");
      }
      share.explanation.push_back(share.amount.ore() == 0 ? "gets nothing from this pot"
                                                          : "gets " + share.amount.str());
      pr.shares.push_back(std::move(share));
    }
  }

  static std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
  }

  const Programme& programme_;
  const std::vector<Recipient>& recipients_;
};

}  // namespace

// ---------------------------------------------------------------------------

Money PotResult::distributed() const {
  Money sum = zero_like(amount);
  for (const auto& s : shares) sum += s.amount;
  return sum;
}

Money PotResult::undistributed() const {
  Money sum = zero_like(amount);
  for (const auto& l : leftovers) sum += l.amount;
  return sum;
}

std::string PotResult::undistributed_reason() const {
  std::string out;
  for (const auto& l : leftovers) out += (out.empty() ? "" : "; ") + l.amount.str() + ": " + l.reason;
  return out;
}

const Share* PotResult::share_of(std::string_view recipient) const {
  for (const auto& s : shares)
    if (s.recipient == recipient) return &s;
  return nullptr;
}

const PotResult* ProgrammeResult::find_pot(std::string_view id) const noexcept {
  for (const auto& p : pots)
    if (p.id == id) return &p;
  return nullptr;
}

const PotResult& ProgrammeResult::pot(std::string_view id) const {
  if (const auto* p = find_pot(id)) return *p;
  throw not_found_error("the programme '" + name + "' has no pot '" + std::string(id) + "'");
}

std::vector<const PotResult*> ProgrammeResult::leaves(std::string_view pot_id) const {
  const std::string prefix = std::string(pot(pot_id).id) + "/";
  std::vector<const PotResult*> out;
  for (const auto& p : pots)
    if (p.is_leaf() && (p.id == pot_id || p.id.compare(0, prefix.size(), prefix) == 0)) out.push_back(&p);
  return out;
}

Money ProgrammeResult::amount(std::string_view recipient, std::string_view pot_id) const {
  const bool known =
      std::any_of(recipients.begin(), recipients.end(), [&](const auto& r) { return r.first == recipient; });
  if (!known) throw not_found_error("the programme '" + name + "' has no recipient '" + std::string(recipient) + "'");
  const PotResult& top = pot(pot_id);
  Money sum = zero_like(top.amount);
  for (const auto* leaf : leaves(pot_id))
    if (const auto* s = leaf->share_of(recipient)) sum += s->amount;
  return sum;
}

Money ProgrammeResult::total(std::string_view recipient) const {
  Money sum;
  bool first = true;
  for (const auto& p : pots) {
    if (!p.parent.empty()) continue;
    const Money m = amount(recipient, p.id);
    sum = first ? m : sum + m;
    first = false;
  }
  return sum;
}

Money ProgrammeResult::paid(std::string_view pot_id) const {
  Money sum = zero_like(pot(pot_id).amount);
  for (const auto* leaf : leaves(pot_id)) sum += leaf->distributed();
  return sum;
}

Money ProgrammeResult::undistributed(std::string_view pot_id) const {
  Money sum = zero_like(pot(pot_id).amount);
  for (const auto* leaf : leaves(pot_id)) sum += leaf->undistributed();
  return sum;
}

Money ProgrammeResult::amount_total() const {
  Money sum;
  bool first = true;
  for (const auto& p : pots)
    if (p.parent.empty()) {
      sum = first ? zero_like(p.amount) + p.amount : sum + p.amount;
      first = false;
    }
  return sum;
}

Money ProgrammeResult::paid_total() const {
  Money sum;
  bool first = true;
  for (const auto& p : pots)
    if (p.parent.empty()) {
      const Money m = paid(p.id);
      sum = first ? m : sum + m;
      first = false;
    }
  return sum;
}

std::vector<std::string> ProgrammeResult::explain(std::string_view recipient) const {
  const bool known =
      std::any_of(recipients.begin(), recipients.end(), [&](const auto& r) { return r.first == recipient; });
  if (!known) throw not_found_error("the programme '" + name + "' has no recipient '" + std::string(recipient) + "'");
  std::vector<std::string> lines;
  for (const auto& p : pots) {
    if (!p.is_leaf()) continue;
    if (const auto* s = p.share_of(recipient))
      for (const auto& line : s->explanation) lines.push_back(p.name + ": " + line);
  }
  return lines;
}

std::string ProgrammeResult::explanation_text(std::string_view recipient) const {
  std::string label(recipient);
  for (const auto& [id, nm] : recipients)
    if (id == recipient && !nm.empty()) label = nm;
  std::string out = label + " — " + name + "\n";
  for (const auto& p : pots) {
    if (!p.is_leaf()) continue;
    const auto* s = p.share_of(recipient);
    if (!s) continue;
    out += "  " + p.name + "\n";
    for (const auto& line : s->explanation) out += "    " + line + "\n";
  }
  out += "  total: " + total(recipient).str() + "\n";
  return out;
}

std::string ProgrammeResult::to_json(int indent) const {
  return detail::dump_json(detail::programme_json(*this), indent);
}

namespace detail {

ordered_json programme_json(const ProgrammeResult& result) {
  ordered_json j;
  j["schema"] = "samverkan.allocation";
  j["version"] = 1;
  j["programme"] = {{"key", result.key}, {"name", result.name}};
  j["programme"]["year"] = result.year ? ordered_json(*result.year) : ordered_json(nullptr);
  j["recipients"] = ordered_json::array();
  for (const auto& [id, nm] : result.recipients)
    j["recipients"].push_back({{"id", id}, {"name", nm}, {"total", money_json(result.total(id))}});
  j["pots"] = ordered_json::array();
  for (const auto& p : result.pots) {
    ordered_json pj;
    pj["id"] = p.id;
    pj["name"] = p.name;
    pj["parent"] = p.parent.empty() ? ordered_json(nullptr) : ordered_json(p.parent);
    pj["amount"] = money_json(p.amount);
    pj["paid"] = money_json(result.paid(p.id));
    pj["undistributed"] = money_json(result.undistributed(p.id));
    if (!p.block.empty()) pj["block"] = p.block;
    if (p.period.start || p.period.end) pj["period"] = p.period.str();
    if (!p.purpose.empty()) pj["purpose"] = p.purpose;
    if (!p.is_leaf()) {
      pj["children"] = p.children;
      j["pots"].push_back(std::move(pj));
      continue;
    }
    pj["rule"] = p.rule;
    pj["rule_description"] = p.rule_description;
    pj["conditions"] = p.conditions;
    pj["leftovers"] = ordered_json::array();
    for (const auto& l : p.leftovers)
      pj["leftovers"].push_back({{"amount", money_json(l.amount)}, {"reason", l.reason}});
    pj["shares"] = ordered_json::array();
    for (const auto& s : p.shares) {
      ordered_json sj;
      sj["recipient"] = s.recipient;
      sj["amount"] = money_json(s.amount);
      if (s.step) {
        sj["step"] = *s.step;
        sj["via_alternative"] = s.via_alternative;
      }
      if (!s.failed_conditions.empty()) {
        sj["failed_conditions"] = s.failed_conditions;
        sj["withheld"] = money_json(s.withheld);
      }
      sj["explanation"] = s.explanation;
      pj["shares"].push_back(std::move(sj));
    }
    j["pots"].push_back(std::move(pj));
  }
  return j;
}

}  // namespace detail

void Programme::check() const {
  if (pots.empty()) throw value_error("the programme '" + name + "' has no pots");
  std::set<std::string> keys;
  for (const auto& pot : pots) {
    if (!keys.insert(pot.key).second)
      throw value_error("the programme '" + name + "' has two pots with the key '" + pot.key + "'");
    check_pot(pot, "", true);
  }
}

ProgrammeResult Programme::run(const std::vector<Recipient>& recipients) const {
  check();
  std::set<std::string_view> ids;
  for (const auto& r : recipients) {
    if (r.id.empty())
      throw value_error("a recipient" + (r.name.empty() ? std::string() : " ('" + r.name + "')") + " has no id");
    if (!ids.insert(r.id).second) throw value_error("the recipient id '" + r.id + "' appears twice");
  }
  ProgrammeResult result;
  result.key = key;
  result.name = name;
  result.year = year;
  for (const auto& r : recipients) result.recipients.emplace_back(r.id, r.name);
  Runner runner(*this, recipients);
  for (const auto& pot : pots) runner.walk(pot, "", pot.amount, result);
  return result;
}

// ---------------------------------------------------------------------------
// Records.

AllocationRecords to_records(const ProgrammeResult& result,
                             const std::function<OrganisationId(const std::string& recipient)>& organisation_of,
                             const RecordOptions& options) {
  std::string prefix = options.id_prefix.empty() ? result.key : options.id_prefix;
  if (prefix.empty()) prefix = "allocation";
  const auto pot_id = [&](const std::string& id) { return FundingPotId("pot/" + prefix + "/" + id); };
  AllocationRecords records;
  for (const auto& p : result.pots) {
    FundingPot fp;
    fp.id = pot_id(p.id);
    fp.name = p.name;
    fp.amount = p.amount;
    fp.agreement = options.agreement;
    fp.block = p.block;
    fp.year = result.year;
    fp.period = p.period;
    fp.purpose = p.purpose;
    if (!p.parent.empty()) fp.parent = pot_id(p.parent);
    fp.extensions["allocate.programme"] = result.name;
    if (!p.parent.empty()) fp.extensions["allocate.weight"] = std::to_string(p.weight);
    records.pots.push_back(std::move(fp));
    if (!p.is_leaf()) continue;

    Allocation a;
    a.id = AllocationId("allocation/" + prefix + "/" + p.id);
    a.pot = pot_id(p.id);
    a.rule = p.rule;
    a.rule_description = p.rule_description;
    if (!p.conditions.empty()) {
      a.rule_description += "; conditions: ";
      for (std::size_t i = 0; i < p.conditions.size(); ++i) a.rule_description += (i ? ", " : "") + p.conditions[i];
    }
    for (const auto& s : p.shares) {
      AllocationShare share;
      share.recipient = organisation_of(s.recipient);
      share.amount = s.amount;
      share.explanation = s.explanation;
      if (s.step) {
        share.extensions["allocate.step"] = std::to_string(*s.step);
        if (*s.step > 0) share.extensions["allocate.via"] = s.via_alternative ? "alternative" : "improvement";
      }
      if (!s.failed_conditions.empty()) {
        std::string names;
        for (const auto& c : s.failed_conditions) names += (names.empty() ? "" : ", ") + c;
        share.extensions["allocate.failed_conditions"] = names;
        share.extensions["allocate.withheld_ore"] = std::to_string(s.withheld.ore());
      }
      a.shares.push_back(std::move(share));
    }
    a.undistributed = p.undistributed();
    a.undistributed_reason = p.undistributed_reason();
    a.extensions["allocate.programme"] = result.name;
    records.allocations.push_back(std::move(a));
  }
  return records;
}

AllocationRecords add_to_corpus(const ProgrammeResult& result, Corpus& corpus, const RecordOptions& options) {
  // Every id is checked before anything is added, so a clash leaves the corpus as it was.
  std::map<std::string, OrganisationId> resolved;
  std::vector<std::pair<std::string, std::string>> to_add;
  for (const auto& [id, nm] : result.recipients) {
    const std::string& label = nm.empty() ? id : nm;
    if (auto org = corpus.resolve_organisation(label))
      resolved.emplace(id, *org);
    else
      to_add.emplace_back(id, label);
  }
  AllocationRecords records = to_records(
      result, [](const std::string& r) { return OrganisationId(r); }, options);
  for (const auto& fp : records.pots)
    if (corpus.find(fp.id)) throw duplicate_id_error(samverkan::describe(EntityRef(fp.id)) + " already exists");
  for (const auto& a : records.allocations)
    if (corpus.find(a.id)) throw duplicate_id_error(samverkan::describe(EntityRef(a.id)) + " already exists");
  for (const auto& [id, label] : to_add)
    resolved.emplace(id, corpus.add(Organisation{.name = label, .kind = options.recipient_kind}));
  for (auto& a : records.allocations)
    for (auto& share : a.shares) share.recipient = resolved.at(share.recipient.str());
  for (const auto& fp : records.pots) corpus.add(fp);
  for (const auto& a : records.allocations) corpus.add(a);
  return records;
}

}  // namespace allocate
SAMVERKAN_END_NAMESPACE
