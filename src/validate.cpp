// Corpus::validate: every inconsistency in a corpus, as data rather than
// exceptions, so that a strategist can see all of them at once.
#include <samverkan/corpus.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

std::string Problem::str() const {
  std::string out(to_string(severity));
  out += ": ";
  out += describe(entity);
  out += ": ";
  if (!field.empty()) {
    out += field;
    out += ": ";
  }
  out += message;
  return out;
}

namespace {

template <class T>
concept defines_nested = requires(const T& t) { visit_definitions(t, [](const auto&, auto&&) {}); };

// Problems are ordered as record_types lists the kinds, whatever order the
// checks happen to find them in.
template <class... Ts>
std::size_t kind_rank(EntityKind kind, type_list<Ts...>) {
  constexpr std::array<EntityKind, sizeof...(Ts)> order{Ts::id_type::kind...};
  return static_cast<std::size_t>(std::distance(order.begin(), std::find(order.begin(), order.end(), kind)));
}

template <class F, class... Ts>
void for_each_record_type(type_list<Ts...>, F&& f) {
  (f(std::type_identity<Ts>{}), ...);
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string path(std::string_view prefix, std::size_t index, std::string_view suffix = {}) {
  return detail::field_path(prefix, index, suffix);
}

// "an organisation", "a person": messages are read by people.
std::string with_article(EntityKind kind) {
  const std::string name(to_string(kind));
  return (std::string_view("aeiou").find(name.front()) == std::string_view::npos ? "a " : "an ") + name;
}

std::string number_text(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "infinity" : "-infinity";
  return std::to_string(value);
}

// Sums exactly, or says why it cannot: validate() reports mixed currencies and
// overflow instead of letting Money's exceptions escape.
std::optional<Money> try_sum(Money start, const std::vector<Money>& amounts, std::string& why) {
  try {
    for (const auto& amount : amounts) start += amount;
    return start;
  } catch (const value_error& e) {
    why = e.what();
    return std::nullopt;
  }
}

bool any_approximate(const std::vector<Money>& amounts) {
  return std::any_of(amounts.begin(), amounts.end(), [](const Money& m) { return m.approximate(); });
}

// "ca" amounts are not expected to add up to the öre, so their sums only warn.
Severity sum_severity(bool approximate) { return approximate ? Severity::warning : Severity::error; }

class Validator {
 public:
  explicit Validator(const Corpus& corpus) : corpus_(corpus) { prepare(); }

  std::vector<Problem> run() {
    for_each_record_type(record_types{}, [this](auto type) {
      using T = typename decltype(type)::type;
      for (const auto& [key, record] : corpus_.all<T>()) {
        current_ = EntityRef(key);
        check_common(key, record);
        check(key, record);
      }
    });
    std::stable_sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
      const auto rank_a = kind_rank(a.entity.kind, record_types{});
      const auto rank_b = kind_rank(b.entity.kind, record_types{});
      return std::tie(rank_a, a.entity.id) < std::tie(rank_b, b.entity.id);
    });
    return std::move(problems_);
  }

 private:
  void report(Severity severity, std::string field, std::string message) {
    problems_.push_back(Problem{severity, current_, std::move(field), std::move(message)});
  }
  void error(std::string field, std::string message) { report(Severity::error, std::move(field), std::move(message)); }
  void warning(std::string field, std::string message) {
    report(Severity::warning, std::move(field), std::move(message));
  }

  // Facts that span records, gathered once so each record's checks stay local.
  void prepare() {
    for (const auto& [id, org] : corpus_.organisations())
      for (const auto& key : name_keys(org)) organisation_names_[key].push_back(id);
    for (const auto& [id, action] : corpus_.action_items())
      if (action.decision) decisions_with_actions_.insert(*action.decision);
    for (const auto& [id, plan] : corpus_.plans())
      for (std::size_t i = 0; i < plan.funding.size(); ++i)
        if (const auto& line = plan.funding[i]; line.pot)
          pot_draws_[*line.pot].push_back({line.amount, id.str() + " " + path("funding", i)});
  }

  static std::set<std::string> name_keys(const Organisation& org) {
    std::set<std::string> keys;
    if (auto key = fold(org.name); !key.empty()) keys.insert(std::move(key));
    for (const auto& alias : org.aliases)
      if (auto key = fold(alias); !key.empty()) keys.insert(std::move(key));
    return keys;
  }

  // ---- checks every record gets ----

  template <class T>
  void check_common(const typename T::id_type& key, const T& record) {
    if (record.id.empty())
      error("id", "is empty; the record is stored under " + key.str());
    else if (record.id != key)
      error("id", "is " + record.id.str() + ", but the record is stored under " + key.str());

    // Every link a record type has is visited here, so a field added to a
    // model type is checked without touching this file.
    visit_references(record, [this](const auto& id, auto&& field) {
      const EntityRef target(id);
      if (target.id.empty())
        error(field(), "is empty; it must name " + with_article(target.kind));
      else if (!corpus_.contains(target))
        error(field(), "refers to " + describe(target) + ", which does not exist");
    });

    if constexpr (defines_nested<T>) {
      visit_definitions(record, [this](const auto& id, auto&& field) {
        const EntityRef nested(id);
        const std::string at = field();
        if (nested.id.empty()) {
          error(at, "is empty; " + with_article(nested.kind) + " needs an id of its own");
          return;
        }
        const auto [first, inserted] = first_definitions_.emplace(nested, describe(current_) + " " + at);
        if (!inserted) error(at, "defines " + describe(nested) + " a second time; it is already defined at " + first->second);
      });
    }
  }

  void check_period(const std::string& field, const Period& period) {
    if (!period.is_valid())
      error(field, "ends " + format_date(*period.end) + ", before it starts " + format_date(*period.start));
  }

  void check_not_negative(const std::string& field, const Money& amount) {
    if (amount.ore() < 0) error(field, "is negative (" + amount.str() + ")");
  }

  void check_finite(const std::string& field, double value) {
    if (!std::isfinite(value)) error(field, "is not a finite number (" + number_text(value) + ")");
  }

  // ---- organisations and people ----

  void check(const OrganisationId& key, const Organisation& org) {
    if (trim(org.name).empty()) error("name", "is empty");

    // Each shared name is reported once per organisation, at its first spelling.
    std::set<std::string> reported;
    const auto check_name = [&](const std::string& field, const std::string& name) {
      const auto key_text = fold(name);
      if (key_text.empty() || reported.count(key_text)) return;
      std::string others;
      for (const auto& other : organisation_names_[key_text])
        if (other != key) others += (others.empty() ? "" : ", ") + other.str();
      if (others.empty()) return;
      reported.insert(key_text);
      warning(field, quoted(name) + " is also a name or alias of " + others +
                         "; resolving it to an organisation is ambiguous");
    };
    check_name("name", org.name);
    for (std::size_t i = 0; i < org.aliases.size(); ++i) check_name(path("aliases", i), org.aliases[i]);

    if (!org.parent) return;
    if (*org.parent == key) {
      error("parent", "names the organisation itself (" + key.str() + ")");
      return;
    }
    // Walk up the parents; only a walk that returns here puts this
    // organisation in the cycle (one that loops elsewhere is reported there).
    std::string chain = key.str();
    std::set<OrganisationId> seen{key};
    std::optional<OrganisationId> next = org.parent;
    while (next) {
      chain += " \xE2\x86\x92 " + next->str();
      if (*next == key) {
        error("parent", "is part of a cycle of parents: " + chain);
        return;
      }
      if (!seen.insert(*next).second) return;
      const auto* parent = corpus_.find(*next);
      if (!parent) return;
      next = parent->parent;
    }
  }

  void check(const PersonId&, const Person& person) {
    if (trim(person.name).empty()) error("name", "is empty");
  }

  void check(const MembershipId&, const Membership& m) {
    check_period("period", m.period);
    if (m.substitute_for && *m.substitute_for == m.person)
      error("substitute_for", "names the member themself (" + m.person.str() + ")");
  }

  // ---- meetings and action items ----

  void check(const MeetingId&, const Meeting& m) {
    if (m.start && m.end && *m.end < *m.start)
      error("end", m.end->str() + " is before the start time " + m.start->str());
    if (m.date) {
      if (m.adjusted_on && *m.adjusted_on < *m.date)
        error("adjusted_on", format_date(*m.adjusted_on) + " is before the meeting date " + format_date(*m.date));
      if (m.next_meeting && *m.next_meeting < *m.date)
        warning("next_meeting", format_date(*m.next_meeting) + " is before the meeting date " + format_date(*m.date));
    } else if (!m.items.empty()) {
      warning("date", "is missing although the record has " + std::to_string(m.items.size()) + " agenda items");
    }

    std::map<PersonId, std::size_t> attendee_at;
    for (std::size_t i = 0; i < m.attendance.size(); ++i) {
      const auto& a = m.attendance[i];
      if (const auto [first, inserted] = attendee_at.emplace(a.person, i); !inserted)
        error(path("attendance", i, ".person"),
              a.person.str() + " is already listed at " + path("attendance", first->second));
      if (a.substitute_for && *a.substitute_for == a.person)
        error(path("attendance", i, ".substitute_for"), "names the attendee themself (" + a.person.str() + ")");
      if (!a.coopted_for_items.empty() && !a.has_role(MeetingRole::coopted))
        warning(path("attendance", i, ".coopted_for_items"),
                "names items although the attendee does not have the role coopted");
      for (std::size_t k = 0; k < a.coopted_for_items.size(); ++k)
        if (!m.item(a.coopted_for_items[k]))
          error(path("attendance", i, path(".coopted_for_items", k)),
                "names item " + quoted(a.coopted_for_items[k]) + ", which is not on the meeting's agenda");
    }

    std::map<std::string, std::size_t> number_at;
    std::map<std::uint32_t, std::size_t> order_at;
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      const auto& item = m.items[i];
      if (!item.number.empty())
        if (const auto [first, inserted] = number_at.emplace(item.number, i); !inserted)
          error(path("items", i, ".number"),
                "item number " + quoted(item.number) + " is already used by " + path("items", first->second));
      // 0 is the default, i.e. the position was not recorded.
      if (item.order != 0)
        if (const auto [first, inserted] = order_at.emplace(item.order, i); !inserted)
          warning(path("items", i, ".order"),
                  std::to_string(item.order) + " is already the order of " + path("items", first->second));

      for (std::size_t p = 0; p < item.presenters.size(); ++p)
        if (const auto found = attendee_at.find(item.presenters[p]); found != attendee_at.end()) {
          const auto status = m.attendance[found->second].status;
          if (status == AttendanceStatus::excused || status == AttendanceStatus::absent)
            warning(path("items", i, path(".presenters", p)),
                    item.presenters[p].str() + " presents the item but is " + std::string(to_string(status)) +
                        " (" + path("attendance", found->second) + ")");
        }

      for (std::size_t d = 0; d < item.decisions.size(); ++d)
        check_decision(path("items", i, path(".decisions", d)), item.decisions[d]);
    }
  }

  void check_decision(const std::string& at, const Decision& decision) {
    if (decision.kind == DecisionKind::assigned && !decision.id.empty() &&
        !decisions_with_actions_.count(decision.id))
      warning(at, describe(decision.id) + " gives an assignment, but no action item refers to it");
    for (std::size_t v = 0; v < decision.votes.size(); ++v) {
      const auto& vote = decision.votes[v];
      // A record that names the voters without counting them leaves every
      // count at 0; only counts that were stated can contradict the names.
      if (vote.yes == 0 && vote.no == 0 && vote.abstain == 0) continue;
      for (const auto option : all_values<VoteOption>()) {
        const auto cast = static_cast<std::size_t>(std::count_if(
            vote.votes.begin(), vote.votes.end(), [option](const VoteCast& c) { return c.option == option; }));
        const std::uint32_t counted = option == VoteOption::yes  ? vote.yes
                                      : option == VoteOption::no ? vote.no
                                                                 : vote.abstain;
        if (counted < cast)
          error(at + path(".votes", v, "." + std::string(to_string(option))),
                "records " + std::to_string(counted) + " " + std::string(to_string(option)) + " votes, but " +
                    std::to_string(cast) + " individual votes are " + std::string(to_string(option)));
      }
    }
  }

  void check(const ActionItemId&, const ActionItem& action) {
    if (!action.has_owner()) error("owner_person", "the action item has no owner: neither a person nor an organisation");
    // A done date on an item still open: reports judge by the status, so it
    // would show as open (or overdue) although someone recorded it done.
    if (action.done_on && action.is_open())
      warning("done_on", format_date(*action.done_on) + " is set, but the status is " +
                             std::string(to_string(action.status)));
    if (action.item_order != 0 && action.meeting)
      if (const auto* meeting = corpus_.find(*action.meeting);
          meeting && std::none_of(meeting->items.begin(), meeting->items.end(),
                                  [&](const AgendaItem& it) { return it.order == action.item_order; }))
        warning("item_order", describe(*action.meeting) + " has no agenda item of order " +
                                  std::to_string(action.item_order));
    if (!action.decision || !action.meeting) return;
    const auto* meeting = corpus_.find(*action.meeting);
    if (!meeting || !corpus_.contains(*action.decision)) return;  // dangling: reported already
    bool defined_here = false;
    visit_definitions(*meeting, [&](const DecisionId& id, auto&&) { defined_here = defined_here || id == *action.decision; });
    if (defined_here) return;
    const auto holder = corpus_.holder_of(*action.decision);
    error("decision", describe(*action.decision) + " was taken at " +
                          (holder ? describe(*holder) : std::string("another meeting")) + ", not at " +
                          describe(*action.meeting) + ", the action item's meeting");
  }

  // ---- agreements ----

  void check(const AgreementId&, const Agreement& a) {
    if (a.parties.empty()) warning("parties", "the agreement names no parties");
    check_period("validity", a.validity);
    for (std::size_t i = 0; i < a.amendments.size(); ++i) {
      const auto& amendment = a.amendments[i];
      if (amendment.new_validity)
        check_period(path("amendments", i, ".new_validity"), *amendment.new_validity);
      else if (amendment.kind == AmendmentKind::extension)
        warning(path("amendments", i, ".new_validity"), "is missing although the amendment is an extension");
    }

    // Final and financial reports are often due after an agreement ends (the
    // 2019 queue-billion asks for SKL's accounts by 2020-03-31), so only a
    // deadline before the agreement starts is suspicious.
    const Period effective = a.effective_validity();
    for (std::size_t i = 0; i < a.obligations.size(); ++i)
      if (const auto& deadline = a.obligations[i].deadline; deadline && effective.start && *deadline < *effective.start)
        warning(path("obligations", i, ".deadline"),
                format_date(*deadline) + " is before the agreement's validity " + effective.str() + " begins");
    for (std::size_t i = 0; i < a.signatories.size(); ++i)
      if (const auto& date = a.signatories[i].date; date && effective.end && *date > *effective.end)
        warning(path("signatories", i, ".date"),
                format_date(*date) + " is after the agreement's validity ends " + format_date(*effective.end));
    for (std::size_t i = 0; i < a.conditions.size(); ++i)
      if (a.conditions[i].threshold) check_finite(path("conditions", i, ".threshold.value"), a.conditions[i].threshold->value);

    check_agreement_keys(a);
    check_agreement_money(a);
  }

  void check_agreement_keys(const Agreement& a) {
    for (std::size_t i = 0; i < a.payments.size(); ++i)
      if (const auto& block = a.payments[i].block; !block.empty() && !a.block(block))
        error(path("payments", i, ".block"), "names block " + quoted(block) + ", which the agreement does not have");
    for (std::size_t i = 0; i < a.conditions.size(); ++i)
      if (const auto& block = a.conditions[i].block; !block.empty() && !a.block(block))
        error(path("conditions", i, ".block"), "names block " + quoted(block) + ", which the agreement does not have");
    std::set<std::string> condition_keys;
    for (const auto& c : a.conditions) condition_keys.insert(c.key);
    for (std::size_t i = 0; i < a.payments.size(); ++i)
      for (std::size_t k = 0; k < a.payments[i].condition_keys.size(); ++k)
        if (const auto& key = a.payments[i].condition_keys[k]; !condition_keys.count(key))
          error(path("payments", i, path(".condition_keys", k)),
                "names condition " + quoted(key) + ", which the agreement does not have");
  }

  void check_agreement_money(const Agreement& a) {
    std::vector<std::pair<std::string, Money>> amounts;
    if (a.total) amounts.emplace_back("total", *a.total);
    for (std::size_t i = 0; i < a.blocks.size(); ++i) amounts.emplace_back(path("blocks", i, ".amount"), a.blocks[i].amount);
    for (std::size_t i = 0; i < a.payments.size(); ++i)
      amounts.emplace_back(path("payments", i, ".amount"), a.payments[i].amount);
    for (std::size_t i = 0; i < a.amendments.size(); ++i)
      if (a.amendments[i].new_total) amounts.emplace_back(path("amendments", i, ".new_total"), *a.amendments[i].new_total);
    if (amounts.empty()) return;

    for (const auto& [field, amount] : amounts) check_not_negative(field, amount);
    const auto& [reference_field, reference] = amounts.front();
    bool one_currency = true;
    for (const auto& [field, amount] : amounts)
      if (amount.currency() != reference.currency()) {
        one_currency = false;
        error(field, amount.str() + " is in " + amount.currency().code() + ", but " + reference_field + " is in " +
                         reference.currency().code() + "; an agreement's amounts must share one currency");
      }
    // Sums over mixed currencies mean nothing; the mismatch is what to fix.
    if (!one_currency) return;

    // Payments and blocks follow the total as last amended.
    std::optional<Money> total = a.total;
    std::string total_field = "total";
    for (std::size_t i = 0; i < a.amendments.size(); ++i)
      if (a.amendments[i].new_total) {
        total = a.amendments[i].new_total;
        total_field = path("amendments", i, ".new_total");
      }
    if (!total) return;

    const auto check_sum = [&](const std::string& field, const std::vector<Money>& parts, bool must_equal) {
      if (parts.empty()) return;
      std::string why;
      const auto sum = try_sum(Money::from_ore(0, total->currency()), parts, why);
      if (!sum) {
        error(field, "cannot be added up: " + why);
        return;
      }
      const auto severity = sum_severity(sum->approximate() || total->approximate());
      if (must_equal && sum->ore() != total->ore())
        report(severity, field, "add up to " + sum->str() + ", but the total (" + total_field + ") is " + total->str());
      else if (!must_equal && sum->ore() > total->ore())
        report(severity, field,
               "add up to " + sum->str() + ", more than the total (" + total_field + ") " + total->str());
    };
    std::vector<Money> blocks, payments;
    for (const auto& b : a.blocks) blocks.push_back(b.amount);
    for (const auto& p : a.payments) payments.push_back(p.amount);
    check_sum("blocks", blocks, true);
    check_sum("payments", payments, false);
  }

  // ---- plans ----

  void check(const ActionPlanId& key, const ActionPlan& plan) {
    check_period("period", plan.period);
    std::optional<Date> previous_end = plan.period.end;
    for (std::size_t i = 0; i < plan.period_extensions.size(); ++i) {
      const Date new_end = plan.period_extensions[i].new_end;
      if (previous_end && new_end <= *previous_end)
        error(path("period_extensions", i, ".new_end"),
              format_date(new_end) + " does not extend the plan: the end it extends is " + format_date(*previous_end));
      previous_end = new_end;
    }

    std::set<GoalId> own_goals;
    std::set<ActivityId> own_activities;
    for (const auto& g : plan.goals) own_goals.insert(g.id);
    for (const auto& a : plan.activities) own_activities.insert(a.id);
    // Ids of another plan are an error; ids of nothing are dangling and reported already.
    const auto check_own = [&](const std::string& field, const auto& id, bool own) {
      if (own || !corpus_.contains(id)) return;
      const auto holder = corpus_.holder_of(id);
      error(field, describe(id) + " belongs to " + (holder ? describe(*holder) : std::string("another plan")) +
                       ", not to " + key.str());
    };

    for (std::size_t i = 0; i < plan.goals.size(); ++i) {
      const auto& goal = plan.goals[i];
      if (!goal.parent) continue;
      if (*goal.parent == goal.id)
        error(path("goals", i, ".parent"), "names the goal itself (" + goal.id.str() + ")");
      else
        check_own(path("goals", i, ".parent"), *goal.parent, own_goals.count(*goal.parent) > 0);
    }

    std::set<GoalId> served;
    for (std::size_t i = 0; i < plan.activities.size(); ++i) {
      const auto& activity = plan.activities[i];
      check_period(path("activities", i, ".period"), activity.period);
      if (activity.goals.empty())
        warning(path("activities", i, ".goals"), describe(activity.id) + " serves no goal");
      for (std::size_t k = 0; k < activity.goals.size(); ++k) {
        check_own(path("activities", i, path(".goals", k)), activity.goals[k], own_goals.count(activity.goals[k]) > 0);
        served.insert(activity.goals[k]);
      }
    }
    // A goal broken into sub-goals ("delmål") is served through them.
    for (std::size_t step = 0; step < plan.goals.size(); ++step)
      for (const auto& g : plan.goals)
        if (g.parent && served.count(g.id)) served.insert(*g.parent);
    for (std::size_t i = 0; i < plan.goals.size(); ++i)
      if (!served.count(plan.goals[i].id))
        warning(path("goals", i), describe(plan.goals[i].id) + " (" + goal_label(plan.goals[i]) + ") has no activity");

    for (std::size_t i = 0; i < plan.funding.size(); ++i) {
      const auto& line = plan.funding[i];
      check_not_negative(path("funding", i, ".amount"), line.amount);
      if (line.activity)
        check_own(path("funding", i, ".activity"), *line.activity, own_activities.count(*line.activity) > 0);
      if (line.goal) check_own(path("funding", i, ".goal"), *line.goal, own_goals.count(*line.goal) > 0);
      if (!line.is_linked())
        warning(path("funding", i),
                describe(line.id) + " (" + line.amount.str() + (line.text.empty() ? "" : ", " + line.text) +
                    ") is tied to no activity or goal");
    }
  }

  static std::string goal_label(const Goal& goal) {
    if (goal.number.empty()) return goal.title;
    return goal.title.empty() ? goal.number : goal.number + " " + goal.title;
  }

  // ---- money ----

  void check(const FundingPotId& key, const FundingPot& pot) {
    check_period("period", pot.period);
    check_not_negative("amount", pot.amount);
    const auto draws = pot_draws_.find(key);
    if (draws == pot_draws_.end()) return;
    std::vector<Money> amounts;
    std::string lines;
    for (const auto& [amount, where] : draws->second) {
      amounts.push_back(amount);
      lines += (lines.empty() ? "" : ", ") + where;
    }
    std::string why;
    const auto sum = try_sum(Money::from_ore(0, pot.amount.currency()), amounts, why);
    if (!sum)
      error("amount", "the funding lines drawing on the pot (" + lines + ") cannot be added up: " + why);
    else if (sum->ore() > pot.amount.ore())
      report(sum_severity(sum->approximate() || pot.amount.approximate()), "amount",
             "is " + pot.amount.str() + ", less than the " + sum->str() + " the funding lines drawing on it (" + lines +
                 ") add up to");
  }

  void check(const AllocationId&, const Allocation& a) {
    std::map<OrganisationId, std::size_t> share_of;
    std::vector<Money> amounts;
    for (std::size_t i = 0; i < a.shares.size(); ++i) {
      const auto& share = a.shares[i];
      check_not_negative(path("shares", i, ".amount"), share.amount);
      amounts.push_back(share.amount);
      if (const auto [first, inserted] = share_of.emplace(share.recipient, i); !inserted)
        error(path("shares", i, ".recipient"),
              share.recipient.str() + " already has a share at " + path("shares", first->second));
    }
    check_not_negative("undistributed", a.undistributed);
    const auto* pot = corpus_.find(a.pot);
    if (!pot) return;
    // An unset remainder is 0 kr, which must not clash with a pot in euros.
    if (a.undistributed.ore() != 0) amounts.push_back(a.undistributed);
    std::string why;
    const auto sum = try_sum(Money::from_ore(0, pot->amount.currency()), amounts, why);
    if (!sum) {
      error("shares", "cannot be added up with the undistributed amount: " + why);
      return;
    }
    if (sum->ore() != pot->amount.ore())
      report(sum_severity(sum->approximate() || pot->amount.approximate() || any_approximate(amounts)), "shares",
             "and the undistributed " + a.undistributed.str() + " add up to " + sum->str() + ", not the " +
                 pot->amount.str() + " of " + describe(a.pot));
  }

  // ---- indicators ----

  void check(const IndicatorId&, const Indicator& indicator) {
    for (std::size_t i = 0; i < indicator.targets.size(); ++i) {
      check_period(path("targets", i, ".period"), indicator.targets[i].period);
      check_finite(path("targets", i, ".value"), indicator.targets[i].value);
    }
    using observation_key = std::tuple<bool, std::string, std::optional<Date>, std::optional<Date>>;
    std::map<observation_key, std::size_t> observation_at;
    for (std::size_t i = 0; i < indicator.observations.size(); ++i) {
      const auto& o = indicator.observations[i];
      check_period(path("observations", i, ".period"), o.period);
      check_finite(path("observations", i, ".value"), o.value);
      const observation_key key{o.organisation.has_value(), o.organisation ? o.organisation->str() : std::string(),
                                o.period.start, o.period.end};
      if (const auto [first, inserted] = observation_at.emplace(key, i); !inserted)
        error(path("observations", i),
              "repeats the observation of " + (o.organisation ? o.organisation->str() : std::string("the nation")) +
                  " for " + o.period.str() + " at " + path("observations", first->second));
    }
  }

  const Corpus& corpus_;
  EntityRef current_;
  std::vector<Problem> problems_;

  std::map<std::string, std::vector<OrganisationId>> organisation_names_;  // folded name or alias
  std::set<DecisionId> decisions_with_actions_;
  std::map<FundingPotId, std::vector<std::pair<Money, std::string>>> pot_draws_;  // amount, where
  std::map<EntityRef, std::string> first_definitions_;                          // nested id -> where
};

}  // namespace

std::vector<Problem> Corpus::validate() const { return Validator(*this).run(); }

SAMVERKAN_END_NAMESPACE
