#include <samverkan/core/enum.hpp>
#include <samverkan/core/error.hpp>
#include <samverkan/core/text.hpp>
#include <samverkan/model/meeting.hpp>
#include <samverkan/model/organisation.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace samverkan;

namespace {

// Spelled out as bytes so the tests do not depend on how an editor saves
// these invisible characters.
const std::string nbsp = "\xC2\xA0";         // U+00A0 NO-BREAK SPACE
const std::string thin = "\xE2\x80\x89";     // U+2009 THIN SPACE
const std::string narrow = "\xE2\x80\xAF";   // U+202F NARROW NO-BREAK SPACE
const std::string en_dash = "\xE2\x80\x93";  // U+2013, must not count as a space

}  // namespace

TEST_CASE("trim removes surrounding ASCII white space only", "[text]") {
  CHECK(trim("  abc  ") == "abc");
  CHECK(trim("\t\r\n abc def \v\f") == "abc def");
  CHECK(trim("abc") == "abc");
  CHECK(trim("") == "");
  CHECK(trim(" \t\n ") == "");
  CHECK(trim("a  b") == "a  b");
  // trim is the cheap ASCII helper; no-break spaces are for fold().
  CHECK(trim(nbsp + "x" + nbsp) == nbsp + "x" + nbsp);
}

TEST_CASE("trim returns a view into its argument", "[text]") {
  const std::string text = "  Region  ";
  const std::string_view trimmed = trim(text);
  CHECK(trimmed.data() == text.data() + 2);
  CHECK(trimmed.size() == 6);
}

TEST_CASE("fold trims, collapses white space and lower-cases", "[text]") {
  CHECK(fold("  Västra   GÖTALANDSregionen ") == "västra götalandsregionen");
  CHECK(fold("ABC def") == "abc def");
  CHECK(fold("") == "");
  CHECK(fold("   ") == "");
  CHECK(fold("a\t\n\r b") == "a b");
  CHECK(fold("already folded") == "already folded");
}

TEST_CASE("fold treats Unicode spaces from converted documents as spaces", "[text]") {
  CHECK(fold("1" + nbsp + "280" + thin + "000" + narrow + "kr") == "1 280 000 kr");
  CHECK(fold(nbsp + " Region " + nbsp + nbsp + " Halland" + narrow) == "region halland");
  CHECK(fold(thin) == "");
  // Other punctuation is not white space.
  CHECK(fold("2018" + en_dash + "2020") == "2018" + en_dash + "2020");
}

TEST_CASE("fold lower-cases the Latin-1 letters Swedish documents use", "[text]") {
  CHECK(fold("ÅÄÖ") == "åäö");
  CHECK(fold("ÉÈÜ") == "éèü");
  CHECK(fold("ÆØ") == "æø");
  CHECK(fold("ÀÞ") == "àþ");                                 // both ends of the block
  CHECK(fold("SJUKHUSGRUPP SÖDRA ÄLVSBORG") == "sjukhusgrupp södra älvsborg");
  // Small letters stay as they are.
  CHECK(fold("åäö éü ß") == "åäö éü ß");
  // × (C3 97) is a symbol, not a capital, and must not become ÷ (C3 B7).
  CHECK(fold("3 × 4") == "3 × 4");
}

TEST_CASE("fold passes other UTF-8 through unchanged", "[text]") {
  CHECK(fold("Łódź") == "Łódź");        // Latin Extended-A is left alone
  CHECK(fold("ΑΒΓ") == "ΑΒΓ");          // so is Greek
  CHECK(fold("2 €") == "2 €");
  CHECK(fold("a–b") == "a–b");
  const std::string truncated = "ab\xC3";  // malformed input must not crash or be lost
  CHECK(fold(truncated) == truncated);
}

TEST_CASE("fold makes spellings compare equal", "[text]") {
  CHECK(fold("Göteborgs Stad") == fold("GÖTEBORGS  STAD"));
  CHECK(fold("VGR") == fold(" vgr "));
  CHECK(fold("Västra Götalandsregionen") != fold("Vastra Gotalandsregionen"));
}

TEST_CASE("slug makes readable ASCII ids", "[text]") {
  CHECK(slug("Västra Götalandsregionen") == "vastra-gotalandsregionen");
  CHECK(slug("Göteborgs Stad") == "goteborgs-stad");
  CHECK(slug("ÅÄÖ åäö") == "aao-aao");
  CHECK(slug("Café Müller") == "cafe-muller");
  CHECK(slug("Hélène Fèvre") == "helene-fevre");
  CHECK(slug("Sjukhusgruppen Södra Älvsborg (SÄS)") == "sjukhusgruppen-sodra-alvsborg-sas");
  CHECK(slug("VGR") == "vgr");
  CHECK(slug("Region 10") == "region-10");
}

TEST_CASE("slug collapses separators and trims dashes", "[text]") {
  CHECK(slug("  --Hello,   World!!--  ") == "hello-world");
  CHECK(slug("a_b-c d") == "a-b-c-d");
  CHECK(slug("a" + nbsp + "b") == "a-b");
  CHECK(slug("2018" + en_dash + "2020") == "2018-2020");
  CHECK(slug("3×4") == "3-4");
  CHECK(slug("Æbleø Straße") == "aebleo-strasse");
}

TEST_CASE("slug returns an empty string when nothing is left", "[text]") {
  CHECK(slug("") == "");
  CHECK(slug("   ") == "");
  CHECK(slug("--!!--") == "");
  CHECK(slug("€ – €") == "");
}

TEST_CASE("slug treats letters it cannot spell in ASCII as separators", "[text]") {
  CHECK(slug("Łódź") == "od");
  CHECK(slug("a→b") == "a-b");
  // A truncated multi-byte sequence does not swallow the letter after it.
  CHECK(slug(std::string("a\xE2") + "b") == "a-b");
}

// ---- closed vocabularies --------------------------------------------------

TEST_CASE("to_string and swedish_name give the canonical names", "[enum]") {
  CHECK(to_string(MeetingForm::teams) == "teams");
  CHECK(to_string(MeetingForm::physical) == "physical");
  CHECK(swedish_name(MeetingForm::physical) == "fysiskt");
  CHECK(swedish_name(MeetingForm::unknown) == "okänd");
  CHECK(to_string(AttendanceStatus::excused) == "excused");
  CHECK(swedish_name(AttendanceStatus::excused) == "förhinder");
  CHECK(to_string(DecisionKind::postponed) == "postponed");
  CHECK(swedish_name(DecisionKind::postponed) == "bordlägger");
  CHECK(to_string(OrganisationKind::municipal_association) == "municipal_association");
  CHECK(swedish_name(OrganisationKind::municipal_association) == "kommunalförbund");
  CHECK(to_string(MeetingRole::vice_chair) == "vice_chair");
}

TEST_CASE("all_values is usable at compile time", "[enum]") {
  // to_string and swedish_name are constexpr too, but GCC 12 cannot evaluate
  // them in a constant expression under -fsanitize=undefined (its null check
  // on the table pointer is not constant), so only all_values is asserted
  // statically to keep sanitizer builds compiling.
  static_assert(all_values<AttendanceStatus>().size() == 4);
  static_assert(all_values<OrganisationKind>()[1] == OrganisationKind::municipality);
  SUCCEED();
}

TEST_CASE("an unknown enumerator value prints as '?'", "[enum]") {
  const auto bogus = static_cast<AttendanceStatus>(99);
  CHECK(to_string(bogus) == "?");
  CHECK(swedish_name(bogus) == "?");
}

TEST_CASE("all_values lists a vocabulary in declaration order", "[enum]") {
  const auto forms = all_values<MeetingForm>();
  REQUIRE(forms.size() == 5);
  CHECK(forms[0] == MeetingForm::unknown);
  CHECK(forms[4] == MeetingForm::hybrid);
  const auto kinds = all_values<OrganisationKind>();
  REQUIRE(kinds.size() == 12);
  CHECK(kinds.front() == OrganisationKind::region);
  CHECK(kinds.back() == OrganisationKind::other);
}

TEST_CASE("every value round-trips through its English and Swedish names", "[enum]") {
  for (const auto v : all_values<MeetingForm>()) {
    CHECK(from_string<MeetingForm>(to_string(v)) == v);
    CHECK(from_string<MeetingForm>(swedish_name(v)) == v);
  }
  for (const auto v : all_values<AttendanceStatus>()) {
    CHECK(from_string<AttendanceStatus>(to_string(v)) == v);
    CHECK(from_string<AttendanceStatus>(swedish_name(v)) == v);
  }
  for (const auto v : all_values<DecisionKind>()) {
    CHECK(from_string<DecisionKind>(to_string(v)) == v);
    CHECK(from_string<DecisionKind>(swedish_name(v)) == v);
  }
  for (const auto v : all_values<OrganisationKind>()) {
    CHECK(from_string<OrganisationKind>(to_string(v)) == v);
    CHECK(from_string<OrganisationKind>(swedish_name(v)) == v);
  }
  for (const auto v : all_values<MeetingRole>()) {
    CHECK(from_string<MeetingRole>(to_string(v)) == v);
    CHECK(from_string<MeetingRole>(swedish_name(v)) == v);
  }
}

TEST_CASE("from_string reads Swedish terms and synonyms", "[enum]") {
  CHECK(from_string<MeetingForm>("Teams") == MeetingForm::teams);
  CHECK(from_string<MeetingForm>("via Teams") == MeetingForm::teams);
  CHECK(from_string<MeetingForm>("Microsoft Teams") == MeetingForm::teams);
  CHECK(from_string<MeetingForm>("på plats") == MeetingForm::physical);
  CHECK(from_string<MeetingForm>("Fysiskt möte") == MeetingForm::physical);
  CHECK(from_string<MeetingForm>("videomöte") == MeetingForm::digital);
  CHECK(from_string<MeetingForm>("Hybridmöte") == MeetingForm::hybrid);
  CHECK(from_string<AttendanceStatus>("förhinder") == AttendanceStatus::excused);
  CHECK(from_string<AttendanceStatus>("Anmält förhinder") == AttendanceStatus::excused);
  CHECK(from_string<AttendanceStatus>("närvarande") == AttendanceStatus::present);
  CHECK(from_string<AttendanceStatus>("ej närvarande") == AttendanceStatus::absent);
  CHECK(from_string<AttendanceStatus>("kallade") == AttendanceStatus::invited);
  CHECK(from_string<DecisionKind>("Beslutar") == DecisionKind::decided);
  CHECK(from_string<DecisionKind>("ställer sig bakom") == DecisionKind::endorsed);
  CHECK(from_string<DecisionKind>("lägger till handlingarna") == DecisionKind::noted);
  CHECK(from_string<DecisionKind>("återremitteras") == DecisionKind::postponed);
  CHECK(from_string<DecisionKind>("ger i uppdrag") == DecisionKind::assigned);
  CHECK(from_string<DecisionKind>("lyfts till") == DecisionKind::escalated);
  CHECK(from_string<OrganisationKind>("Kommun") == OrganisationKind::municipality);
  CHECK(from_string<OrganisationKind>("landsting") == OrganisationKind::region);
  CHECK(from_string<OrganisationKind>("Styrgrupp") == OrganisationKind::working_group);
  CHECK(from_string<OrganisationKind>("kommunalt förbund") == OrganisationKind::municipal_association);
  CHECK(from_string<OrganisationKind>("Hospital group") == OrganisationKind::unit);
}

TEST_CASE("from_string ignores case, surrounding space and _ - ' ' differences", "[enum]") {
  CHECK(from_string<MeetingRole>("vice_chair") == MeetingRole::vice_chair);
  CHECK(from_string<MeetingRole>("Vice chair") == MeetingRole::vice_chair);
  CHECK(from_string<MeetingRole>("VICE-CHAIR") == MeetingRole::vice_chair);
  CHECK(from_string<MeetingRole>("  vice   chair ") == MeetingRole::vice_chair);
  CHECK(from_string<MeetingRole>("Vice Ordförande") == MeetingRole::vice_chair);
  CHECK(from_string<MeetingRole>("VICE ORDFÖRANDE") == MeetingRole::vice_chair);
  CHECK(from_string<MeetingRole>("vice_ordförande") == MeetingRole::vice_chair);
  CHECK(from_string<MeetingRole>("co-opted") == MeetingRole::coopted);
  CHECK(from_string<MeetingRole>("co opted") == MeetingRole::coopted);
  CHECK(from_string<OrganisationKind>("Municipal Association") == OrganisationKind::municipal_association);
  CHECK(from_string<OrganisationKind>("municipal-association") == OrganisationKind::municipal_association);
  CHECK(from_string<OrganisationKind>("STATE_AGENCY") == OrganisationKind::state_agency);
  CHECK(from_string<OrganisationKind>("Privat Vårdgivare") == OrganisationKind::private_provider);
  CHECK(from_string<OrganisationKind>("PRIVAT VÅRDGIVARE") == OrganisationKind::private_provider);
  CHECK(from_string<OrganisationKind>("NÄMND") == OrganisationKind::committee);
  CHECK(from_string<AttendanceStatus>("FÖRHINDER") == AttendanceStatus::excused);
  CHECK(from_string<MeetingForm>("OKÄND") == MeetingForm::unknown);
  CHECK(from_string<AttendanceStatus>("N\xC3\x84RVARANDE" + nbsp) == AttendanceStatus::present);
}

TEST_CASE("try_from_string returns nullopt for unknown or empty text", "[enum]") {
  CHECK_FALSE(try_from_string<MeetingForm>("brevduva").has_value());
  CHECK_FALSE(try_from_string<MeetingForm>("").has_value());
  CHECK_FALSE(try_from_string<MeetingForm>("   ").has_value());
  CHECK_FALSE(try_from_string<MeetingForm>("___").has_value());
  CHECK_FALSE(try_from_string<DecisionKind>("beslutar inte").has_value());
  CHECK_FALSE(try_from_string<OrganisationKind>("kommunen").has_value());
  // No prefix matching: "team" is not "teams".
  CHECK_FALSE(try_from_string<MeetingForm>("team").has_value());
  CHECK(try_from_string<MeetingForm>("teams") == MeetingForm::teams);
  CHECK(try_from_string<AttendanceStatus>("Förhindrad") == AttendanceStatus::excused);
}

TEST_CASE("from_string throws parse_error naming the text and the accepted values", "[enum]") {
  CHECK_THROWS_AS(from_string<MeetingForm>("brevduva"), parse_error);
  CHECK_THROWS_AS(from_string<MeetingForm>(""), parse_error);
  CHECK_THROWS_WITH(from_string<MeetingForm>("brevduva"),
                    Catch::Contains("MeetingForm") && Catch::Contains("'brevduva'") &&
                        Catch::Contains("physical (fysiskt)") && Catch::Contains("teams (teams)") &&
                        Catch::Contains("unknown (okänd)") && Catch::Contains("hybrid (hybrid)"));
  CHECK_THROWS_WITH(from_string<AttendanceStatus>("sjuk"),
                    Catch::Contains("AttendanceStatus") && Catch::Contains("'sjuk'") &&
                        Catch::Contains("excused (förhinder)") && Catch::Contains("present (närvarande)"));
  CHECK_THROWS_WITH(from_string<OrganisationKind>("bolag"),
                    Catch::Contains("OrganisationKind") && Catch::Contains("municipality (kommun)"));
  // A parse_error is a value_error and a samverkan::error.
  CHECK_THROWS_AS(from_string<DecisionKind>("kanske"), value_error);
  CHECK_THROWS_AS(from_string<DecisionKind>("kanske"), error);
}
