// Organisations: regions, municipalities, associations, agencies, and the
// committees and working groups that meet.
#pragma once

#include <samverkan/core/date.hpp>
#include <samverkan/core/ids.hpp>
#include <samverkan/core/record.hpp>
#include <samverkan/model/visit.hpp>

#include <optional>
#include <string>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

enum class OrganisationKind {
  region,
  municipality,
  municipal_association,
  state_agency,
  government,
  national_association,
  private_provider,
  collaboration_body,
  committee,
  working_group,
  unit,
  other,
};

template <>
struct enum_traits<OrganisationKind> {
  static constexpr std::string_view type_name = "OrganisationKind";
  static constexpr std::array<enum_entry<OrganisationKind>, 12> entries{{
      {OrganisationKind::region, "region", "region", "landsting"},
      {OrganisationKind::municipality, "municipality", "kommun", "stad|stadsdel"},
      {OrganisationKind::municipal_association, "municipal_association", "kommunalförbund",
       "kommunförbund|kommunalt förbund"},
      {OrganisationKind::state_agency, "state_agency", "myndighet", "statlig myndighet|agency"},
      {OrganisationKind::government, "government", "regeringen", "staten|departement|state"},
      {OrganisationKind::national_association, "national_association", "nationell organisation",
       "intresseorganisation|förbund"},
      {OrganisationKind::private_provider, "private_provider", "privat vårdgivare", "privat aktör|private"},
      {OrganisationKind::collaboration_body, "collaboration_body", "samverkansorgan",
       "samverkansforum|samverkansgrupp|vårdsamverkan"},
      {OrganisationKind::committee, "committee", "nämnd", "utskott|styrelse|beredning|fullmäktige"},
      {OrganisationKind::working_group, "working_group", "arbetsgrupp",
       "referensgrupp|styrgrupp|projektgrupp|nätverk"},
      {OrganisationKind::unit, "unit", "förvaltning", "verksamhet|sjukhusgrupp|enhet|hospital group"},
      {OrganisationKind::other, "other", "annan", "övrig"},
  }};
};

/// An organisation or a body that meets.
///
///   Organisation vgr{.name = "Västra Götalandsregionen", .aliases = {"VGR"},
///                    .kind = OrganisationKind::region};
struct Organisation {
  using id_type = OrganisationId;

  OrganisationId id;
  std::string name;
  /// Short names and other spellings ("VGR"); name resolution matches these too.
  std::vector<std::string> aliases;
  OrganisationKind kind = OrganisationKind::other;
  /// The Swedish organisation number ("organisationsnummer"), as written:
  /// "232100-0131". Empty when not known. Added in schema version 2.
  std::string organisation_number;
  /// The organisation this one is part of (a hospital group inside a region,
  /// a working group under a committee).
  std::optional<OrganisationId> parent;
  Extensions extensions;
  std::optional<Provenance> provenance;

  friend bool operator==(const Organisation&, const Organisation&) = default;
};

template <detail::record_of<Organisation> R, class V>
void visit_references(R& org, V&& visit) {
  detail::visit_optional(org.parent, visit, [] { return std::string("parent"); });
}

SAMVERKAN_END_NAMESPACE
