// Queries over a corpus: lazy views of meetings, agenda items, decisions,
// attendances and deadlines; predicates that compose; and the reports a
// strategist otherwise builds by hand (attendance per organisation, open
// action items per owner, coming deadlines, gaps in action plans, indicator
// rankings).
//
//   namespace views = ranges::views;
//   auto assigned_2024 = decisions(corpus)
//                      | views::filter(in_period(Period::years(2024, 2024)) && of_kind(DecisionKind::assigned))
//                      | ranges::to<std::vector>();
//
// Lifetime: every row, pointer and view returned here points into the corpus.
// They stay valid until the corpus is modified (add, update, remove, merge)
// or destroyed. Functions that would hand out such pointers refuse a
// temporary corpus at compile time. Results made of values only (Deadline,
// AttendanceCount, group_count's map) do not depend on the corpus.
//
// Return types are vectors and maps of plain structs so that the Python
// bindings can convert them without extra glue.
#pragma once

#include <samverkan/corpus.hpp>

#include <range/v3/algorithm/any_of.hpp>
#include <range/v3/algorithm/contains.hpp>
#include <range/v3/algorithm/sort.hpp>
#include <range/v3/algorithm/stable_sort.hpp>
#include <range/v3/range/access.hpp>
#include <range/v3/range/concepts.hpp>
#include <range/v3/range/conversion.hpp>
#include <range/v3/view/addressof.hpp>
#include <range/v3/view/concat.hpp>
#include <range/v3/view/facade.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/join.hpp>
#include <range/v3/view/map.hpp>
#include <range/v3/view/transform.hpp>

#include <array>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

// ============================================================================
// Rows
// ============================================================================

// Rows hold pointers rather than references so that they are regular values:
// range-v3 views, ranges::to<std::vector>, sorting and the Python bindings all
// need rows they can copy, assign and default-construct.

/// An agenda item together with the meeting that holds it.
struct ItemRow {
  const Meeting* meeting = nullptr;
  const AgendaItem* item = nullptr;

  friend bool operator==(const ItemRow&, const ItemRow&) = default;
};

/// A decision together with its agenda item and meeting, as yielded by
/// decisions(corpus).
///
///   for (const DecisionRow& row : decisions(corpus))
///     std::cout << format_date(*row.meeting->date) << ' ' << row.item->number << ": " << row.decision->text;
struct DecisionRow {
  const Meeting* meeting = nullptr;
  const AgendaItem* item = nullptr;
  const Decision* decision = nullptr;

  /// The decision's kind; handy as a key: group_count(decisions(c), &DecisionRow::kind).
  DecisionKind kind() const noexcept { return decision->kind; }
  /// The body that took the decision: Decision::body when set, else the meeting's body.
  const OrganisationId& deciding_body() const noexcept { return decision->body ? *decision->body : meeting->body; }

  friend bool operator==(const DecisionRow&, const DecisionRow&) = default;
};

/// One person's attendance at one meeting, as yielded by attendances(corpus).
struct AttendanceRow {
  const Meeting* meeting = nullptr;
  const Attendance* attendance = nullptr;
  /// The attendee's record; nullptr when the corpus does not hold that person.
  const Person* person = nullptr;

  AttendanceStatus status() const noexcept { return attendance->status; }
  /// The organisation the attendance counts for: whom the person represents
  /// at this meeting, else the organisation the person is listed with
  /// (Person::organisation); nullptr when neither is known.
  const OrganisationId* organisation() const noexcept {
    if (attendance->represents) return &*attendance->represents;
    if (person && person->organisation) return &*person->organisation;
    return nullptr;
  }

  friend bool operator==(const AttendanceRow&, const AttendanceRow&) = default;
};

// ============================================================================
// Deadlines
// ============================================================================

/// What kind of dated commitment a Deadline is. Also the order of deadlines
/// that fall on the same day.
enum class DeadlineKind {
  action_item_due,       ///< ActionItem::due
  reporting_obligation,  ///< ReportingObligation::deadline of an agreement
  payment,               ///< Payment::date of an agreement
  requisition,           ///< RequisitionRule::deadline of an agreement
  plan_end,              ///< end of ActionPlan::effective_period()
  agreement_end,         ///< end of Agreement::effective_validity()
  next_meeting,          ///< Meeting::next_meeting
};

template <>
struct enum_traits<DeadlineKind> {
  static constexpr std::string_view type_name = "DeadlineKind";
  static constexpr std::array<enum_entry<DeadlineKind>, 7> entries{{
      {DeadlineKind::action_item_due, "action_item_due", "åtgärd", "uppdrag|klart senast|action item|due"},
      {DeadlineKind::reporting_obligation, "reporting_obligation", "redovisning",
       "rapportering|återrapportering|nulägesrapport|redovisas senast|reporting"},
      {DeadlineKind::payment, "payment", "utbetalning", "betalning|utbetalas"},
      {DeadlineKind::requisition, "requisition", "rekvisition", "rekvirering|rekvireras senast|rekvirera"},
      {DeadlineKind::plan_end, "plan_end", "planperiodens slut", "handlingsplanen löper ut|planens slut|plan ends"},
      {DeadlineKind::agreement_end, "agreement_end", "avtalstidens slut",
       "överenskommelsen upphör|avtalet löper ut|giltighetstidens slut|agreement ends"},
      {DeadlineKind::next_meeting, "next_meeting", "nästa möte", "nästa sammanträde|kommande möte"},
  }};
};

/// A dated commitment found in the corpus: an action item's due date, a
/// reporting deadline, a payment, a requisition deadline, the end of a plan
/// or an agreement (after extensions), a meeting's announced next meeting.
struct Deadline {
  Date date{};
  DeadlineKind kind = DeadlineKind::action_item_due;
  /// The record it comes from: the action item, agreement, plan or the
  /// meeting that announced the next one.
  EntityRef entity;
  /// A readable label: the action item's text, "Kömiljarden 2019: Nulägesrapport",
  /// "Kömiljarden 2019: 320 000 000 kr (block 2)", the plan's title ...
  std::string what;
  /// True when the record says the matter is closed: an action item done or
  /// cancelled, an obligation or payment met or not met. Ends of plans and
  /// agreements and next meetings are never settled.
  bool settled = false;

  friend bool operator==(const Deadline&, const Deadline&) = default;
};

// ============================================================================
// Predicates
// ============================================================================

/// A filter usable with ranges::views::filter that composes with &&, || and !.
/// Each predicate applies to the row types that make sense for it (see the
/// factory functions below); applying it to another type does not compile.
///
///   auto wanted = in_period(Period::years(2019, 2019)) && !of_kind(DecisionKind::noted);
///   decisions(corpus) | ranges::views::filter(wanted);
template <class F>
class Predicate {
 public:
  /// Wraps a callable; prefer where() or the named filters below.
  constexpr explicit Predicate(F fn) : function_(std::move(fn)) {}

  /// Applies the test; only offered for the types the callable accepts.
  template <class T>
    requires std::predicate<const F&, const T&>
  constexpr bool operator()(const T& value) const {
    return std::invoke(function_, value);
  }

  /// The wrapped callable.
  constexpr const F& function() const noexcept { return function_; }

 private:
  F function_;
};

/// Lifts any callable returning bool (a lambda, a member function pointer)
/// into a composable Predicate.
///
///   where(&ActionItem::is_open) && owned_by(vastkom)
template <class F>
constexpr Predicate<std::decay_t<F>> where(F&& fn) {
  return Predicate<std::decay_t<F>>(std::forward<F>(fn));
}

namespace detail {

template <class A, class B>
struct both_fn {
  A a;
  B b;
  template <class T>
    requires std::predicate<const A&, const T&> && std::predicate<const B&, const T&>
  constexpr bool operator()(const T& value) const {
    return std::invoke(a, value) && std::invoke(b, value);
  }
};

template <class A, class B>
struct either_fn {
  A a;
  B b;
  template <class T>
    requires std::predicate<const A&, const T&> && std::predicate<const B&, const T&>
  constexpr bool operator()(const T& value) const {
    return std::invoke(a, value) || std::invoke(b, value);
  }
};

template <class A>
struct negated_fn {
  A a;
  template <class T>
    requires std::predicate<const A&, const T&>
  constexpr bool operator()(const T& value) const {
    return !std::invoke(a, value);
  }
};

}  // namespace detail

/// Both predicates hold. The result applies to the types both apply to.
template <class A, class B>
constexpr auto operator&&(const Predicate<A>& a, const Predicate<B>& b) {
  return Predicate<detail::both_fn<A, B>>(detail::both_fn<A, B>{a.function(), b.function()});
}

/// Either predicate holds. The result applies to the types both apply to.
template <class A, class B>
constexpr auto operator||(const Predicate<A>& a, const Predicate<B>& b) {
  return Predicate<detail::either_fn<A, B>>(detail::either_fn<A, B>{a.function(), b.function()});
}

/// The predicate does not hold.
template <class A>
constexpr auto operator!(const Predicate<A>& a) {
  return Predicate<detail::negated_fn<A>>(detail::negated_fn<A>{a.function()});
}

namespace detail {

// An undated record lies in no bounded period; the unbounded Period{} means
// "no restriction" and so lets it through.
inline bool dated_in(const std::optional<Date>& date, const Period& period) noexcept {
  return date ? period.contains(*date) : !period.start && !period.end;
}

struct in_period_fn {
  Period period;
  bool operator()(const Meeting& m) const noexcept { return dated_in(m.date, period); }
  bool operator()(const ItemRow& r) const noexcept { return (*this)(*r.meeting); }
  bool operator()(const DecisionRow& r) const noexcept { return (*this)(*r.meeting); }
  bool operator()(const AttendanceRow& r) const noexcept { return (*this)(*r.meeting); }
  bool operator()(const ActionItem& a) const noexcept { return dated_in(a.due, period); }
  bool operator()(const Deadline& d) const noexcept { return period.contains(d.date); }
};

struct by_body_fn {
  OrganisationId body;
  bool operator()(const Meeting& m) const noexcept { return m.body == body; }
  bool operator()(const ItemRow& r) const noexcept { return (*this)(*r.meeting); }
  bool operator()(const DecisionRow& r) const noexcept { return (*this)(*r.meeting); }
  bool operator()(const AttendanceRow& r) const noexcept { return (*this)(*r.meeting); }
};

struct by_organisation_fn {
  OrganisationId organisation;
  bool operator()(const Meeting& m) const {
    return m.body == organisation || ranges::any_of(m.attendance, [this](const Attendance& a) {
             return a.status == AttendanceStatus::present && a.represents == organisation;
           });
  }
  bool operator()(const AttendanceRow& r) const noexcept {
    const auto* org = r.organisation();
    return org && *org == organisation;
  }
  bool operator()(const DecisionRow& r) const noexcept { return r.deciding_body() == organisation; }
  bool operator()(const ActionItem& a) const noexcept { return a.owner_organisation == organisation; }
};

struct attended_by_fn {
  PersonId person;

  // A co-opted member attends only the items named for them ("Henrik Carlsson (5)").
  static bool attends_item(const Attendance& a, const AgendaItem& item) {
    return !a.has_role(MeetingRole::coopted) || a.coopted_for_items.empty() ||
           ranges::contains(a.coopted_for_items, item.number);
  }
  bool present(const Attendance& a) const noexcept {
    return a.person == person && a.status == AttendanceStatus::present;
  }
  bool operator()(const Meeting& m) const {
    return ranges::any_of(m.attendance, [this](const Attendance& a) { return present(a); });
  }
  bool operator()(const ItemRow& r) const {
    return ranges::any_of(r.meeting->attendance,
                          [&](const Attendance& a) { return present(a) && attends_item(a, *r.item); });
  }
  bool operator()(const DecisionRow& r) const { return (*this)(ItemRow{r.meeting, r.item}); }
  bool operator()(const AttendanceRow& r) const noexcept { return present(*r.attendance); }
};

struct presented_by_fn {
  PersonId person;
  bool operator()(const AgendaItem& item) const { return ranges::contains(item.presenters, person); }
  bool operator()(const Meeting& m) const {
    return ranges::any_of(m.items, [this](const AgendaItem& item) { return (*this)(item); });
  }
  bool operator()(const ItemRow& r) const { return (*this)(*r.item); }
  bool operator()(const DecisionRow& r) const { return (*this)(*r.item); }
};

struct owned_by_person_fn {
  PersonId person;
  bool operator()(const ActionItem& a) const noexcept { return a.owner_person == person; }
};

struct owned_by_organisation_fn {
  OrganisationId organisation;
  bool operator()(const ActionItem& a) const noexcept { return a.owner_organisation == organisation; }
};

struct decision_kind_fn {
  DecisionKind kind;
  bool operator()(const Decision& d) const noexcept { return d.kind == kind; }
  bool operator()(const DecisionRow& r) const noexcept { return r.decision->kind == kind; }
};

struct deadline_kind_fn {
  DeadlineKind kind;
  bool operator()(const Deadline& d) const noexcept { return d.kind == kind; }
};

struct attendance_status_fn {
  AttendanceStatus status;
  bool operator()(const Attendance& a) const noexcept { return a.status == status; }
  bool operator()(const AttendanceRow& r) const noexcept { return r.attendance->status == status; }
};

struct action_status_fn {
  ActionStatus status;
  bool operator()(const ActionItem& a) const noexcept { return a.status == status; }
};

}  // namespace detail

/// The meeting's date lies in the period (for action items: the due date; for
/// deadlines: their date). Undated records match only the unbounded Period{}.
/// Applies to Meeting, ItemRow, DecisionRow, AttendanceRow, ActionItem, Deadline.
///
///   meetings(corpus) | views::filter(in_period(Period::years(2024, 2024)))
inline Predicate<detail::in_period_fn> in_period(Period period) {
  return Predicate<detail::in_period_fn>({std::move(period)});
}

/// The meeting was held by this body. Applies to Meeting, ItemRow,
/// DecisionRow, AttendanceRow.
inline Predicate<detail::by_body_fn> by_body(OrganisationId body) {
  return Predicate<detail::by_body_fn>({std::move(body)});
}

/// The organisation took part: for a Meeting, its body or a present attendee
/// recorded as representing it; for an AttendanceRow, AttendanceRow::organisation();
/// for a DecisionRow, the deciding body; for an ActionItem, the owning organisation.
inline Predicate<detail::by_organisation_fn> by_organisation(OrganisationId organisation) {
  return Predicate<detail::by_organisation_fn>({std::move(organisation)});
}

/// The person was present: at the meeting (Meeting, AttendanceRow), or at the
/// item (ItemRow, DecisionRow), where a co-opted member counts only for the
/// items named for them. Excused and absent people did not attend.
inline Predicate<detail::attended_by_fn> attended_by(PersonId person) {
  return Predicate<detail::attended_by_fn>({std::move(person)});
}

/// The person presented the item ("föredragande"); for a Meeting, any item.
/// Applies to Meeting, AgendaItem, ItemRow, DecisionRow.
///
///   decisions(corpus) | views::filter(attended_by(p) || presented_by(p))
inline Predicate<detail::presented_by_fn> presented_by(PersonId person) {
  return Predicate<detail::presented_by_fn>({std::move(person)});
}

/// The action item's owner is this person. Applies to ActionItem.
inline Predicate<detail::owned_by_person_fn> owned_by(PersonId person) {
  return Predicate<detail::owned_by_person_fn>({std::move(person)});
}

/// The action item's owner is this organisation (with or without a named
/// person). Applies to ActionItem.
inline Predicate<detail::owned_by_organisation_fn> owned_by(OrganisationId organisation) {
  return Predicate<detail::owned_by_organisation_fn>({std::move(organisation)});
}

/// The decision is of this kind. Applies to Decision and DecisionRow.
inline Predicate<detail::decision_kind_fn> of_kind(DecisionKind kind) {
  return Predicate<detail::decision_kind_fn>({kind});
}

/// The deadline is of this kind. Applies to Deadline.
inline Predicate<detail::deadline_kind_fn> of_kind(DeadlineKind kind) {
  return Predicate<detail::deadline_kind_fn>({kind});
}

/// The attendance has this status. Applies to Attendance and AttendanceRow.
inline Predicate<detail::attendance_status_fn> with_status(AttendanceStatus status) {
  return Predicate<detail::attendance_status_fn>({status});
}

/// The action item has this status. Applies to ActionItem.
inline Predicate<detail::action_status_fn> with_status(ActionStatus status) {
  return Predicate<detail::action_status_fn>({status});
}

// ============================================================================
// Lazy views
// ============================================================================

namespace detail {

// Flattens parents into one row per child while remembering the parent.
// views::for_each (transform + join) would do the same, but joining the
// prvalue inner ranges a per-parent transform produces makes range-v3's join
// an input-only range that cannot be iterated through a const reference.
// This cursor keeps the rows forward and const-iterable, so they work with
// max_element, multi-pass algorithms and const views.
template <class Outer, class ChildrenFn, class RowFn>
class nested_view : public ranges::view_facade<nested_view<Outer, ChildrenFn, RowFn>, ranges::finite> {
  friend ranges::range_access;
  using outer_iterator = ranges::iterator_t<const Outer>;

  class cursor {
   public:
    cursor() = default;
    cursor(outer_iterator at, outer_iterator last, const ChildrenFn& children, const RowFn& row)
        : at_(std::move(at)), last_(std::move(last)), children_(children), row_(row) {
      skip_childless();
    }
    auto read() const {
      auto&& parent = *at_;
      return std::invoke(row_, parent, std::invoke(children_, parent)[index_]);
    }
    void next() {
      ++index_;
      skip_childless();
    }
    bool equal(const cursor& other) const { return at_ == other.at_ && index_ == other.index_; }

   private:
    void skip_childless() {
      while (at_ != last_ && index_ >= std::invoke(children_, *at_).size()) {
        ++at_;
        index_ = 0;
      }
    }
    outer_iterator at_{};
    outer_iterator last_{};
    std::size_t index_ = 0;
    ChildrenFn children_{};
    RowFn row_{};
  };

  cursor begin_cursor() const { return cursor(ranges::begin(outer_), ranges::end(outer_), children_, row_); }
  cursor end_cursor() const { return cursor(ranges::end(outer_), ranges::end(outer_), children_, row_); }

  Outer outer_{};
  ChildrenFn children_{};
  RowFn row_{};

 public:
  nested_view() = default;
  nested_view(Outer outer, ChildrenFn children, RowFn row)
      : outer_(std::move(outer)), children_(std::move(children)), row_(std::move(row)) {}
};

template <class Outer, class ChildrenFn, class RowFn>
auto nest(Outer&& outer, ChildrenFn children, RowFn row) {
  using view = ranges::views::all_t<Outer>;
  return nested_view<view, ChildrenFn, RowFn>(ranges::views::all(std::forward<Outer>(outer)), std::move(children),
                                              std::move(row));
}

// The attendee is looked up while iterating so that filters and counts agree
// on AttendanceRow::organisation() without each needing the corpus.
struct attendance_row_fn {
  const Corpus* corpus = nullptr;
  AttendanceRow operator()(const Meeting& m, const Attendance& a) const {
    return AttendanceRow{&m, &a, corpus->find(a.person)};
  }
};

template <class Parent, class Child>
struct child_of {
  const Parent* parent = nullptr;
  const Child* child = nullptr;
};

template <class Parent, class Child>
struct make_child_of {
  child_of<Parent, Child> operator()(const Parent& parent, const Child& child) const { return {&parent, &child}; }
};

inline std::string agreement_name(const Agreement& a) { return a.short_name.empty() ? a.title : a.short_name; }

}  // namespace detail

/// Every meeting, as const Meeting&, in id order (for date order see
/// Corpus::meetings_in).
///
///   for (const Meeting& m : meetings(corpus) | views::filter(by_body(hsu))) ...
inline auto meetings(const Corpus& corpus) { return corpus.meetings() | ranges::views::values; }
/// Refused for a temporary, whose records would be gone before the result is read.
void meetings(const Corpus&&) = delete;

/// Every action item, as const ActionItem&, in id order.
inline auto action_items(const Corpus& corpus) { return corpus.action_items() | ranges::views::values; }
/// Refused for a temporary, whose records would be gone before the result is read.
void action_items(const Corpus&&) = delete;

/// Every agenda item of every meeting, as ItemRow, meetings in id order and
/// items in record order. A forward range.
inline auto agenda_items(const Corpus& corpus) {
  return detail::nest(
      meetings(corpus), [](const Meeting& m) -> const std::vector<AgendaItem>& { return m.items; },
      [](const Meeting& m, const AgendaItem& item) { return ItemRow{&m, &item}; });
}
/// Refused for a temporary, whose records would be gone before the result is read.
void agenda_items(const Corpus&&) = delete;

/// Every decision under every agenda item, as DecisionRow, in the order of
/// agenda_items(). A forward range.
///
///   auto per_kind = group_count(decisions(corpus), &DecisionRow::kind);
///   auto assigned = decisions(corpus) | views::filter(of_kind(DecisionKind::assigned)) | ranges::to<std::vector>();
inline auto decisions(const Corpus& corpus) {
  return detail::nest(
      agenda_items(corpus), [](const ItemRow& r) -> const std::vector<Decision>& { return r.item->decisions; },
      [](const ItemRow& r, const Decision& d) { return DecisionRow{r.meeting, r.item, &d}; });
}
/// Refused for a temporary, whose records would be gone before the result is read.
void decisions(const Corpus&&) = delete;

/// Every attendance entry of every meeting (present, absent, excused and
/// invited alike), as AttendanceRow, meetings in id order. A forward range.
///
///   attendances(corpus) | views::filter(with_status(AttendanceStatus::excused))
inline auto attendances(const Corpus& corpus) {
  return detail::nest(
      meetings(corpus), [](const Meeting& m) -> const std::vector<Attendance>& { return m.attendance; },
      detail::attendance_row_fn{&corpus});
}
/// Refused for a temporary, whose records would be gone before the result is read.
void attendances(const Corpus&&) = delete;

/// Every dated commitment in the corpus as a Deadline, settled ones included,
/// grouped by source (action items, reporting obligations, payments,
/// requisition rules, agreement ends, plan ends, next meetings) and not in
/// date order; see deadlines(corpus, period) for a sorted list. Records
/// without a date contribute nothing. A forward range; like any filtered
/// range-v3 view it is iterated through a non-const reference.
///
///   auto pending = where([](const Deadline& d) { return !d.settled; });
///   deadlines(corpus) | views::filter(of_kind(DeadlineKind::payment) && pending)
inline auto deadlines(const Corpus& corpus) {
  namespace views = ranges::views;
  using detail::child_of;
  using detail::make_child_of;

  auto due = action_items(corpus) | views::filter([](const ActionItem& a) { return a.due.has_value(); }) |
             views::transform([](const ActionItem& a) {
               return Deadline{*a.due, DeadlineKind::action_item_due, a.id, a.what, !a.is_open()};
             });

  auto agreements = corpus.agreements() | views::values;
  using ObligationRow = child_of<Agreement, ReportingObligation>;
  auto reporting =
      detail::nest(agreements, [](const Agreement& a) -> const auto& { return a.obligations; },
                   make_child_of<Agreement, ReportingObligation>{}) |
      views::filter([](const ObligationRow& r) { return r.child->deadline.has_value(); }) |
      views::transform([](const ObligationRow& r) {
        return Deadline{*r.child->deadline, DeadlineKind::reporting_obligation, r.parent->id,
                        detail::agreement_name(*r.parent) + ": " + r.child->what,
                        r.child->status != MilestoneStatus::scheduled};
      });

  using PaymentRow = child_of<Agreement, Payment>;
  auto payments =
      detail::nest(agreements, [](const Agreement& a) -> const auto& { return a.payments; },
                   make_child_of<Agreement, Payment>{}) |
      views::filter([](const PaymentRow& r) { return r.child->date.has_value(); }) |
      views::transform([](const PaymentRow& r) {
        std::string what = detail::agreement_name(*r.parent) + ": " + r.child->amount.str();
        if (!r.child->block.empty()) what += " (block " + r.child->block + ")";
        return Deadline{*r.child->date, DeadlineKind::payment, r.parent->id, std::move(what),
                        r.child->status != MilestoneStatus::scheduled};
      });

  using RequisitionRow = child_of<Agreement, RequisitionRule>;
  auto requisitions =
      detail::nest(agreements, [](const Agreement& a) -> const auto& { return a.requisition_rules; },
                   make_child_of<Agreement, RequisitionRule>{}) |
      views::filter([](const RequisitionRow& r) { return r.child->deadline.has_value(); }) |
      views::transform([](const RequisitionRow& r) {
        return Deadline{*r.child->deadline, DeadlineKind::requisition, r.parent->id,
                        detail::agreement_name(*r.parent) + ": " +
                            (r.child->text.empty() ? std::string("requisition") : r.child->text),
                        false};
      });

  auto agreement_ends =
      agreements | views::filter([](const Agreement& a) { return a.effective_validity().end.has_value(); }) |
      views::transform([](const Agreement& a) {
        return Deadline{*a.effective_validity().end, DeadlineKind::agreement_end, a.id, detail::agreement_name(a),
                        false};
      });

  auto plan_ends =
      corpus.plans() | views::values |
      views::filter([](const ActionPlan& p) { return p.effective_period().end.has_value(); }) |
      views::transform([](const ActionPlan& p) {
        return Deadline{*p.effective_period().end, DeadlineKind::plan_end, p.id, p.title, false};
      });

  auto next_meetings = meetings(corpus) | views::filter([](const Meeting& m) { return m.next_meeting.has_value(); }) |
                       views::transform([](const Meeting& m) {
                         return Deadline{*m.next_meeting, DeadlineKind::next_meeting, m.id, m.title, false};
                       });

  return views::concat(std::move(due), std::move(reporting), std::move(payments), std::move(requisitions),
                       std::move(agreement_ends), std::move(plan_ends), std::move(next_meetings));
}
/// Refused for a temporary, whose records would be gone before the result is read.
void deadlines(const Corpus&&) = delete;

/// The deadlines whose date lies in the period, in date order; on the same
/// day in DeadlineKind order, then by entity and label. Settled ones are
/// included; drop them with `!d.settled`.
///
///   deadlines(corpus, Period::years(2019, 2019));
///   // 2019-06-30 payment, 2019-10-15 reporting_obligation, 2019-12-01 requisition, ...
inline std::vector<Deadline> deadlines(const Corpus& corpus, const Period& period) {
  auto found = deadlines(corpus) | ranges::views::filter(in_period(period)) | ranges::to<std::vector>();
  ranges::sort(found, [](const Deadline& a, const Deadline& b) {
    return std::tie(a.date, a.kind, a.entity, a.what) < std::tie(b.date, b.kind, b.entity, b.what);
  });
  return found;
}

/// The decisions taken at meetings dated in the period, as DecisionRow, in
/// date order (then meeting id, then as in decisions()). Found through the
/// corpus's date index, so the cost follows the meetings in the period, not
/// the corpus; decisions(corpus) | views::filter(in_period(period)) gives the
/// same rows in id order after visiting every decision. The unbounded
/// Period{} gives every decision, undated meetings' too, in id order.
///
///   group_count(decisions_in(corpus, Period::years(2024, 2024)), &DecisionRow::kind);
inline std::vector<DecisionRow> decisions_in(const Corpus& corpus, const Period& period) {
  std::vector<DecisionRow> rows;
  const auto add = [&rows](const Meeting& m) {
    for (const AgendaItem& item : m.items)
      for (const Decision& d : item.decisions) rows.push_back(DecisionRow{&m, &item, &d});
  };
  if (!period.start && !period.end) {
    for (const Meeting& m : meetings(corpus)) add(m);
  } else {
    for (const MeetingId& id : corpus.meetings_in(period)) add(corpus.get(id));
  }
  return rows;
}
/// Refused for a temporary, whose records would be gone before the result is read.
void decisions_in(const Corpus&&, const Period&) = delete;

// ============================================================================
// Aggregates
// ============================================================================

/// Counts the elements of a range per key. `key` is anything std::invoke
/// accepts: a lambda, a member function or data member pointer.
///
///   group_count(decisions(corpus), &DecisionRow::kind);   // map<DecisionKind, size_t>
///   group_count(meetings(corpus), &Meeting::body);        // map<OrganisationId, size_t>
template <ranges::input_range R, class KeyFn>
  requires std::invocable<KeyFn&, ranges::range_reference_t<R>>
auto group_count(R&& range, KeyFn key) {
  using Key = std::remove_cvref_t<std::invoke_result_t<KeyFn&, ranges::range_reference_t<R>>>;
  std::map<Key, std::size_t> counts;
  for (auto&& element : range) ++counts[std::invoke(key, std::forward<decltype(element)>(element))];
  return counts;
}

/// How often an organisation was present, absent, excused or invited.
struct AttendanceCount {
  std::size_t present = 0;
  std::size_t absent = 0;
  std::size_t excused = 0;
  std::size_t invited = 0;

  /// The count for one status.
  std::size_t of(AttendanceStatus status) const noexcept {
    switch (status) {
      case AttendanceStatus::present: return present;
      case AttendanceStatus::absent: return absent;
      case AttendanceStatus::excused: return excused;
      case AttendanceStatus::invited: return invited;
    }
    return 0;
  }
  /// All entries, whatever their status.
  std::size_t total() const noexcept { return present + absent + excused + invited; }

  friend bool operator==(const AttendanceCount&, const AttendanceCount&) = default;
};

/// Attendance entries per organisation over the meetings in the period (all
/// meetings, undated ones too, for the default Period{}). Each entry (one
/// person at one meeting) counts for AttendanceRow::organisation(): whom the
/// person represented, else the organisation the person is listed with;
/// entries with neither are not counted.
///
///   attendance_per_organisation(corpus, Period::years(2024, 2024))[regionhalsan].excused == 1
inline std::map<OrganisationId, AttendanceCount> attendance_per_organisation(const Corpus& corpus,
                                                                             const Period& period = {}) {
  std::map<OrganisationId, AttendanceCount> counts;
  const auto count_meeting = [&](const Meeting& m) {
    for (const Attendance& a : m.attendance) {
      const AttendanceRow row{&m, &a, corpus.find(a.person)};
      const OrganisationId* organisation = row.organisation();
      if (!organisation) continue;
      auto& count = counts[*organisation];
      switch (row.status()) {
        case AttendanceStatus::present: ++count.present; break;
        case AttendanceStatus::absent: ++count.absent; break;
        case AttendanceStatus::excused: ++count.excused; break;
        case AttendanceStatus::invited: ++count.invited; break;
      }
    }
  };
  // A bounded period goes through the date index; only the unbounded one,
  // which takes undated meetings too, visits every meeting.
  if (!period.start && !period.end) {
    for (const Meeting& m : meetings(corpus)) count_meeting(m);
  } else {
    for (const MeetingId& id : corpus.meetings_in(period)) count_meeting(corpus.get(id));
  }
  return counts;
}

/// Who owns an action item, exactly as recorded: a person, an organisation,
/// or a person at an organisation. Both empty means nobody was named. Ordered
/// so it can key a map (unset sorts before set).
struct Owner {
  std::optional<PersonId> person;
  std::optional<OrganisationId> organisation;

  /// The owner recorded on the item.
  static Owner of(const ActionItem& item) { return Owner{item.owner_person, item.owner_organisation}; }
  /// True when nobody was named.
  bool empty() const noexcept { return !person && !organisation; }

  friend bool operator==(const Owner&, const Owner&) = default;
  friend auto operator<=>(const Owner&, const Owner&) = default;
};

/// Open and in-progress action items grouped by Owner::of(item), each group
/// by due date (undated last, then by id). Every item appears once, under
/// its exact owner: an item owned by Jenny at VGR is not listed under VGR
/// alone (use action_items(c) | views::filter(owned_by(vgr)) for that).
/// Items with no owner are grouped under the empty Owner, so they are not lost.
inline std::map<Owner, std::vector<const ActionItem*>> open_action_items_by_owner(const Corpus& corpus) {
  std::map<Owner, std::vector<const ActionItem*>> groups;
  for (const ActionItem& item : action_items(corpus) | ranges::views::filter(&ActionItem::is_open))
    groups[Owner::of(item)].push_back(&item);
  for (auto& group : groups)
    ranges::sort(group.second, [](const ActionItem* a, const ActionItem* b) {
      if (a->due.has_value() != b->due.has_value()) return a->due.has_value();
      if (a->due != b->due) return *a->due < *b->due;
      return a->id < b->id;
    });
  return groups;
}
/// Refused for a temporary, whose records would be gone before the result is read.
void open_action_items_by_owner(const Corpus&&) = delete;

// ============================================================================
// Action plan gaps
// ============================================================================

/// The links an action plan lacks, the ones evaluations keep finding missing.
/// Pointers are into the plan, in the plan's own order.
struct PlanGaps {
  const ActionPlan* plan = nullptr;
  /// Goals no activity serves. A goal counts as served when one of its
  /// sub-goals ("delmål") is.
  std::vector<const Goal*> goals_without_activity;
  /// Activities that name no goal.
  std::vector<const Activity*> activities_without_goal;
  /// Funding lines tied to neither an activity nor a goal.
  std::vector<const FundingLine*> unlinked_funding;
  /// Goals with no indicator, on themselves or a sub-goal, to follow them up by.
  std::vector<const Goal*> goals_without_indicator;

  /// True when no gap of any of the four kinds was found.
  bool empty() const noexcept {
    return goals_without_activity.empty() && activities_without_goal.empty() && unlinked_funding.empty() &&
           goals_without_indicator.empty();
  }
};

namespace detail {

// Marks the goals in `covered` and every ancestor of theirs within the plan.
inline std::set<GoalId> with_ancestors(const ActionPlan& plan, std::set<GoalId> covered) {
  const auto parent_of = [&plan](const GoalId& id) -> const std::optional<GoalId>* {
    for (const Goal& g : plan.goals)
      if (g.id == id) return &g.parent;
    return nullptr;
  };
  const std::vector<GoalId> direct(covered.begin(), covered.end());
  for (const GoalId& id : direct) {
    const std::optional<GoalId>* parent = parent_of(id);
    // Stopping at an already-marked goal also ends a cycle of parents.
    while (parent && *parent && covered.insert(**parent).second) parent = parent_of(**parent);
  }
  return covered;
}

template <class ActivityRange>
PlanGaps plan_gaps(const ActionPlan& plan, ActivityRange&& activities) {
  namespace views = ranges::views;
  const std::set<GoalId> served = with_ancestors(
      plan, std::forward<ActivityRange>(activities) | views::transform(&Activity::goals) | views::join |
                ranges::to<std::set<GoalId>>());
  const std::set<GoalId> measured = with_ancestors(
      plan, plan.goals | views::filter([](const Goal& g) { return !g.indicators.empty(); }) |
                views::transform(&Goal::id) | ranges::to<std::set<GoalId>>());

  PlanGaps gaps;
  gaps.plan = &plan;
  gaps.goals_without_activity = plan.goals | views::filter([&](const Goal& g) { return !served.count(g.id); }) |
                                views::addressof | ranges::to<std::vector>();
  gaps.activities_without_goal = plan.activities |
                                 views::filter([](const Activity& a) { return a.goals.empty(); }) |
                                 views::addressof | ranges::to<std::vector>();
  gaps.unlinked_funding = plan.funding | views::filter([](const FundingLine& f) { return !f.is_linked(); }) |
                          views::addressof | ranges::to<std::vector>();
  gaps.goals_without_indicator = plan.goals |
                                 views::filter([&](const Goal& g) { return !measured.count(g.id); }) |
                                 views::addressof | ranges::to<std::vector>();
  return gaps;
}

}  // namespace detail

/// The gaps of one plan, judged by the plan alone: a goal is served only by
/// this plan's activities. Whether the linked ids exist is Corpus::validate()'s
/// concern; a link that is set counts here.
///
///   auto gaps = plan_gaps(corpus.get(plan_id));
///   for (const FundingLine* f : gaps.unlinked_funding) std::cout << f->amount << ' ' << f->text << '\n';
inline PlanGaps plan_gaps(const ActionPlan& plan) { return detail::plan_gaps(plan, plan.activities); }
/// Refused for a temporary, whose records would be gone before the result is read.
void plan_gaps(const ActionPlan&&) = delete;

/// The gaps of every plan in the corpus, one entry per plan in id order
/// (empty ones included; drop them with PlanGaps::empty()). Here a goal also
/// counts as served by activities of other plans, as when sub-regional
/// implementation plans carry out a county-wide plan's goals.
inline std::vector<PlanGaps> plan_gaps(const Corpus& corpus) {
  namespace views = ranges::views;
  auto all_activities = corpus.plans() | views::values | views::transform(&ActionPlan::activities) | views::join;
  return corpus.plans() | views::values |
         views::transform([&](const ActionPlan& plan) { return detail::plan_gaps(plan, all_activities); }) |
         ranges::to<std::vector>();
}
/// Refused for a temporary, whose records would be gone before the result is read.
void plan_gaps(const Corpus&&) = delete;

// ============================================================================
// Indicators
// ============================================================================

/// An organisation's place in an indicator ranking.
struct RankedOrganisation {
  /// 1 for the best. Organisations with equal values share a rank (1, 2, 2, 4)
  /// and are listed by organisation id.
  std::size_t rank = 0;
  OrganisationId organisation;
  double value = 0;
  /// The observation ranked, for its period and note.
  const Observation* observation = nullptr;

  friend bool operator==(const RankedOrganisation&, const RankedOrganisation&) = default;
};

namespace detail {

// Open ends are treated as reaching infinitely far, so a period without a
// start never lies inside a bounded one.
inline bool within(const Period& inner, const Period& outer) noexcept {
  return (!outer.start || (inner.start && *outer.start <= *inner.start)) &&
         (!outer.end || (inner.end && *inner.end <= *outer.end));
}

// Chronological order of observation periods: by start (open first), then end (open last).
inline bool period_before(const Period& a, const Period& b) noexcept {
  const auto key = [](const Period& p) {
    return std::tuple(p.start.has_value(), p.start.value_or(Date{}), !p.end.has_value(), p.end.value_or(Date{}));
  };
  return key(a) < key(b);
}

}  // namespace detail

/// Organisations ranked by their observed value of the indicator, best first
/// in the indicator's direction; the national reference ("riket") is left out.
/// Observations count when their period lies within `period`; when an
/// organisation has several, its latest counts. NaN values are skipped. A
/// neutral indicator ranks nobody above anybody: all share rank 1.
/// Throws not_found_error for an unknown indicator.
///
///   indicator_ranking(corpus, waiting_90, Period::month(2019, 9));
///   // {1, Region Halland, 74.5}, {2, VGR, 61.2}
inline std::vector<RankedOrganisation> indicator_ranking(const Corpus& corpus, const IndicatorId& indicator_id,
                                                         const Period& period) {
  namespace views = ranges::views;
  const Indicator& indicator = corpus.get(indicator_id);

  std::map<OrganisationId, const Observation*> latest;
  for (const Observation& o : indicator.observations | views::filter([&](const Observation& obs) {
                                return !obs.is_national() && !std::isnan(obs.value) &&
                                       detail::within(obs.period, period);
                              })) {
    const Observation*& slot = latest[*o.organisation];
    if (!slot || detail::period_before(slot->period, o.period)) slot = &o;
  }

  auto ranking = latest | views::transform([](const auto& entry) {
                   return RankedOrganisation{0, entry.first, entry.second->value, entry.second};
                 }) |
                 ranges::to<std::vector>();
  ranges::sort(ranking, [&](const RankedOrganisation& a, const RankedOrganisation& b) {
    if (indicator.better(a.value, b.value)) return true;
    if (indicator.better(b.value, a.value)) return false;
    return a.organisation < b.organisation;
  });
  for (std::size_t i = 0; i < ranking.size(); ++i)
    ranking[i].rank = i > 0 && !indicator.better(ranking[i - 1].value, ranking[i].value) ? ranking[i - 1].rank : i + 1;
  return ranking;
}
/// Refused for a temporary, whose records would be gone before the result is read.
void indicator_ranking(const Corpus&&, const IndicatorId&, const Period&) = delete;

/// One organisation's observations of the indicator over time (by period
/// start, then end), to draw against the national value and the target;
/// std::nullopt gives the national reference series. Throws not_found_error
/// for an unknown indicator.
///
///   for (const Observation* o : indicator_series(corpus, waiting_90, halland)) plot(o->period, o->value);
inline std::vector<const Observation*> indicator_series(const Corpus& corpus, const IndicatorId& indicator_id,
                                                        const std::optional<OrganisationId>& organisation) {
  namespace views = ranges::views;
  const Indicator& indicator = corpus.get(indicator_id);
  auto series = indicator.observations |
                views::filter([&](const Observation& o) { return o.organisation == organisation; }) |
                views::addressof | ranges::to<std::vector>();
  ranges::stable_sort(series, [](const Observation* a, const Observation* b) {
    return detail::period_before(a->period, b->period);
  });
  return series;
}
/// Refused for a temporary, whose records would be gone before the result is read.
void indicator_series(const Corpus&&, const IndicatorId&, const std::optional<OrganisationId>&) = delete;

SAMVERKAN_END_NAMESPACE
