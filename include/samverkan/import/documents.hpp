// Reading agreements ("överenskommelse", "avtal", "samverkansavtal",
// "bidragsöverenskommelse") and action plans ("handlingsplan",
// "genomförandeplan", "aktivitetsplan") out of documents: alone, or appended
// after a protocol extract.
//
// Like the minutes reader, this is two steps:
//   1. parse_documents() finds each agreement and plan in a document and
//      reads it into Parsed* values: names as written, every fact with the
//      line span it was read from, and what could not be read a warning.
//   2. add_to_corpus(corpus, minutes, documents) resolves the names and adds
//      the agreements, plans and indicators next to the meeting, and links
//      the protocol item that handles an agreement to it
//      (Decision::references).
// import_minutes() and import_file() run both readers on every document.
#pragma once

#include <samverkan/import/minutes.hpp>

#include <filesystem>
#include <samverkan/model/agreement.hpp>
#include <samverkan/model/plan.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE
namespace import {

/// A party as written ("Region Blekinge", "staten genom Socialdepartementet"
/// gives "Socialdepartementet") and the roles the text gives it.
struct ParsedParty {
  std::string name;
  /// The name the text calls it by otherwise ("staten", "Regionen").
  std::vector<std::string> aliases;
  std::vector<PartyRole> roles;
  Provenance provenance;
  friend bool operator==(const ParsedParty&, const ParsedParty&) = default;
};

struct ParsedSignatory {
  std::string name;
  std::string title;
  /// The party signed for ("För Sveriges Kommuner och Regioner").
  std::string organisation;
  std::string place;
  std::optional<Date> date;
  Provenance provenance;
  friend bool operator==(const ParsedSignatory&, const ParsedSignatory&) = default;
};

/// One recipient's share of the total ("varav 1 600 000 000 kronor fördelas
/// till landstingen").
struct ParsedShare {
  std::string to;
  Money amount;
  Provenance provenance;
  friend bool operator==(const ParsedShare&, const ParsedShare&) = default;
};

struct ParsedBlock {
  /// "1" for "Block 1", "Del 1".
  std::string key;
  std::string title;
  Money amount;
  std::string purpose;
  Provenance provenance;
  friend bool operator==(const ParsedBlock&, const ParsedBlock&) = default;
};

/// A requirement with a threshold ("minst 95 procent", "högst 5 arbetsdagar").
struct ParsedCondition {
  ConditionKind kind = ConditionKind::condition;
  std::string text;
  /// What is measured, as written ("svarsfrekvens ... till den nationella
  /// väntetidsdatabasen"); empty when the sentence does not say.
  std::string indicator;
  Threshold threshold;
  /// The block it governs (ParsedBlock::key); empty for the whole agreement.
  std::string block;
  Provenance provenance;
  friend bool operator==(const ParsedCondition&, const ParsedCondition&) = default;
};

struct ParsedObligation {
  std::string what;
  std::string by;
  std::string to;
  std::optional<Date> deadline;
  Provenance provenance;
  friend bool operator==(const ParsedObligation&, const ParsedObligation&) = default;
};

struct ParsedPayment {
  Money amount;
  /// "i december 2019" is the month's last day; `month_only` says so.
  std::optional<Date> date;
  bool month_only = false;
  std::string block;
  std::string text;
  Provenance provenance;
  friend bool operator==(const ParsedPayment&, const ParsedPayment&) = default;
};

struct ParsedRequisition {
  std::string text;
  std::string from;
  std::optional<Date> deadline;
  Provenance provenance;
  friend bool operator==(const ParsedRequisition&, const ParsedRequisition&) = default;
};

/// A change or extension, from a clause of the agreement ("Tillägg 1: Genom
/// beslut i X 2022-09-22 § 14 ändrades ...") or from a decision in the
/// protocol the agreement is appended to ("förlänga överenskommelsen till
/// och med den 31 december 2024").
struct ParsedAmendment {
  AmendmentKind kind = AmendmentKind::amendment;
  std::optional<Date> date;
  std::string text;
  std::optional<Date> new_end;
  std::optional<Money> new_total;
  /// The deciding reference as written ("Hjälpmedelsrådet 2022-09-22 § 14").
  std::string reference;
  /// Index in ParsedMinutes::items of the protocol item that decided it.
  std::optional<std::size_t> item;
  Provenance provenance;
  friend bool operator==(const ParsedAmendment&, const ParsedAmendment&) = default;
};

struct ParsedAgreement {
  std::string title;
  std::string case_number;
  std::vector<ParsedParty> parties;
  std::vector<ParsedSignatory> signatories;
  std::optional<Date> start;
  std::optional<Date> end;
  std::optional<Money> total;
  std::vector<ParsedShare> shares;
  std::vector<ParsedBlock> blocks;
  std::vector<ParsedCondition> conditions;
  std::vector<ParsedObligation> obligations;
  std::vector<ParsedPayment> payments;
  std::vector<ParsedRequisition> requisitions;
  std::vector<ParsedAmendment> amendments;
  /// Index in ParsedMinutes::items of protocol items that handle it.
  std::vector<std::size_t> handled_in_items;
  /// The lines the agreement spans.
  Provenance provenance;
  friend bool operator==(const ParsedAgreement&, const ParsedAgreement&) = default;
};

struct ParsedGoal {
  /// "1", "1.2"; a goal under "Mål 1" written "Delmål 1.2" has parent "1".
  std::string number;
  std::string title;
  std::string parent;
  Provenance provenance;
  friend bool operator==(const ParsedGoal&, const ParsedGoal&) = default;
};

struct ParsedActivity {
  std::string number;
  std::string title;
  /// Nothing when the document does not say.
  std::optional<ResponsibleLevel> level;
  std::vector<std::string> responsible;
  /// Goal numbers it serves, only as the document links them.
  std::vector<std::string> goals;
  Provenance provenance;
  friend bool operator==(const ParsedActivity&, const ParsedActivity&) = default;
};

struct ParsedPlanIndicator {
  std::string name;
  /// The goal it measures (number); empty when none.
  std::string goal;
  std::string unit;
  std::optional<double> baseline;
  std::optional<int> baseline_year;
  std::optional<double> target;
  std::optional<int> target_year;
  Provenance provenance;
  friend bool operator==(const ParsedPlanIndicator&, const ParsedPlanIndicator&) = default;
};

struct ParsedFunding {
  Money amount;
  std::optional<int> year;
  /// Activity or goal number it is linked to, only as the document links it.
  std::string activity;
  std::string goal;
  BudgetKind budget = BudgetKind::committed;
  std::string text;
  Provenance provenance;
  friend bool operator==(const ParsedFunding&, const ParsedFunding&) = default;
};

struct ParsedPlanExtension {
  Date new_end{};
  std::optional<Date> decided_on;
  std::string reference;
  Provenance provenance;
  friend bool operator==(const ParsedPlanExtension&, const ParsedPlanExtension&) = default;
};

struct ParsedPlan {
  std::string title;
  std::optional<Date> start;
  std::optional<Date> end;
  std::vector<ParsedPlanExtension> extensions;
  std::vector<std::string> owners;
  std::optional<ResponsibleLevel> level;
  std::vector<ParsedGoal> goals;
  std::vector<ParsedActivity> activities;
  std::vector<ParsedPlanIndicator> indicators;
  std::vector<ParsedFunding> funding;
  Provenance provenance;
  friend bool operator==(const ParsedPlan&, const ParsedPlan&) = default;
};

/// The agreements and plans of one document.
struct ParsedDocuments {
  std::string document;
  std::vector<ParsedAgreement> agreements;
  std::vector<ParsedPlan> plans;
  /// The document is an agreement or a plan and nothing before it: it holds
  /// no meeting, and the minutes reader's reading of it is not added.
  bool standalone = false;
  std::vector<Warning> warnings;
};

/// Finds and reads the agreements and plans of a document. Never throws on
/// its content. `minutes` (the same document's minutes reading, when given)
/// lets an amendment decided in a protocol item name that item.
///
///   auto docs = import::parse_documents(text, "002.txt");
///   docs.agreements[0].total;           // 1 610 000 000 kr
///   docs.agreements[0].blocks[1].amount; // 320 000 000 kr
ParsedDocuments parse_documents(std::string_view text, std::string document = {}, const ParseOptions& options = {},
                                const ParsedMinutes* minutes = nullptr);

/// Both readings of one file: its minutes, and its agreements and plans.
struct ParsedFile {
  ParsedMinutes minutes;
  ParsedDocuments documents;
};

/// Reads a file of any format import_file() reads (text, Markdown, and Word
/// or PDF where their readers are installed, told apart by content) with
/// both readers: parse_file() for the minutes, parse_documents() on the
/// document's text for its agreements and plans. Throws io_error naming the
/// file when it cannot be read or holds no text (a scanned PDF).
ParsedFile parse_file_all(const std::filesystem::path& path, const ParseOptions& options = {});

/// Both readings of a text document: parse_minutes() and parse_documents()
/// (given the minutes), the same results, with the text decoded and split
/// into lines once for both.
ParsedFile parse_text_all(std::string_view text, std::string document = {}, const ParseOptions& options = {});

/// Adds the meeting of `minutes` (unless `documents` is standalone) and the
/// agreements and plans of `documents`, names resolved as for meetings.
/// Indicators named by conditions and plans are found by name or added.
/// A protocol item that handles an agreement refers to it from its
/// decisions. Strong guarantee: on an exception the corpus is unchanged.
ImportResult add_to_corpus(Corpus& corpus, const ParsedMinutes& minutes, const ParsedDocuments& documents,
                           const ParseOptions& options = {});

}  // namespace import
SAMVERKAN_END_NAMESPACE
