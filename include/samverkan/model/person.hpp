// People and their memberships of organisations and bodies.
#pragma once

#include <samverkan/core/date.hpp>
#include <samverkan/core/ids.hpp>
#include <samverkan/core/record.hpp>
#include <samverkan/model/visit.hpp>

#include <optional>
#include <string>

SAMVERKAN_BEGIN_NAMESPACE

/// A person, as named in documents.
struct Person {
  using id_type = PersonId;

  PersonId id;
  std::string name;
  /// Job title as written ("hälso- och sjukvårdsstrateg").
  std::string title;
  /// The organisation the person is usually listed with.
  std::optional<OrganisationId> organisation;
  Extensions extensions;
  std::optional<Provenance> provenance;

  friend bool operator==(const Person&, const Person&) = default;
};

template <detail::record_of<Person> R, class V>
void visit_references(R& person, V&& visit) {
  detail::visit_optional(person.organisation, visit, [] { return std::string("organisation"); });
}

enum class MembershipRole { member, chair, vice_chair, secretary, substitute, coopted, employee, other };

template <>
struct enum_traits<MembershipRole> {
  static constexpr std::string_view type_name = "MembershipRole";
  static constexpr std::array<enum_entry<MembershipRole>, 8> entries{{
      {MembershipRole::member, "member", "ledamot", "medlem|deltagare"},
      {MembershipRole::chair, "chair", "ordförande", "ordf|chairman|chairperson"},
      {MembershipRole::vice_chair, "vice_chair", "vice ordförande", "vice ordf|v ordf"},
      {MembershipRole::secretary, "secretary", "sekreterare"},
      {MembershipRole::substitute, "substitute", "ersättare"},
      {MembershipRole::coopted, "coopted", "adjungerad", "co-opted"},
      {MembershipRole::employee, "employee", "anställd", "tjänsteperson|tjänsteman"},
      {MembershipRole::other, "other", "annan", "övrig"},
  }};
};

/// A person's place in an organisation or body for a period (Popolo's
/// Membership): a member of a committee on behalf of a municipality, say.
struct Membership {
  using id_type = MembershipId;

  MembershipId id;
  PersonId person;
  /// The body or organisation the person is a member of.
  OrganisationId organisation;
  MembershipRole role = MembershipRole::member;
  /// The role as written, when it says more than `role` ("politisk sekreterare").
  std::string role_title;
  Period period;
  /// Whom the person represents in the body (a municipality in a joint group).
  std::optional<OrganisationId> on_behalf_of;
  /// For a substitute: the member they stand in for.
  std::optional<PersonId> substitute_for;
  Extensions extensions;
  std::optional<Provenance> provenance;

  friend bool operator==(const Membership&, const Membership&) = default;
};

template <detail::record_of<Membership> R, class V>
void visit_references(R& m, V&& visit) {
  visit(m.person, [] { return std::string("person"); });
  visit(m.organisation, [] { return std::string("organisation"); });
  detail::visit_optional(m.on_behalf_of, visit, [] { return std::string("on_behalf_of"); });
  detail::visit_optional(m.substitute_for, visit, [] { return std::string("substitute_for"); });
}

SAMVERKAN_END_NAMESPACE
