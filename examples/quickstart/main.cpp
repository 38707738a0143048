// A first program against samverkan: build a corpus by hand, load one from a
// file, ask it questions, and run the 2019 queue-billion allocation.
//
//   quickstart CORPUS.json INPUTS.csv
#include <samverkan/allocate/koemiljard2019.hpp>
#include <samverkan/corpus.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/query.hpp>
#include <samverkan/version.hpp>

#include <iostream>

namespace sv = samverkan;

int main(int argc, char** argv) try {
  if (argc != 3) {
    std::cerr << "usage: quickstart CORPUS.json INPUTS.csv\n";
    return 2;
  }
  std::cout << "samverkan " << sv::version() << "\n\n";

  // 1. Records are plain values; the corpus gives them ids and links them.
  sv::Corpus mine;
  auto vgr = mine.add(sv::Organisation{.name = "Västra Götalandsregionen", .aliases = {"VGR"},
                                       .kind = sv::OrganisationKind::region});
  auto group = mine.add(sv::Organisation{.name = "Arbetsgrupp nytt hälso- och sjukvårdsavtal",
                                         .kind = sv::OrganisationKind::working_group, .parent = vgr});
  auto jenny = mine.resolve_or_add_person("Jenny Nilsson", mine.resolve_organisation("VGR"));
  sv::Meeting meeting{.body = group, .date = sv::make_date(2024, 10, 28), .form = sv::MeetingForm::physical};
  meeting.attendance.push_back({.person = jenny, .represents = vgr, .roles = {sv::MeetingRole::chair}});
  std::cout << "added " << mine.add(meeting) << " (" << mine.size() << " records, "
            << mine.validate().size() << " problems)\n\n";

  // 2. A corpus from a file, and questions to it.
  const sv::Corpus corpus = sv::load_json(argv[1]);
  std::cout << argv[1] << ": " << corpus.size() << " records\n";
  for (const auto& deadline : sv::deadlines(corpus, sv::Period::years(2019, 2019)))
    std::cout << "  " << sv::format_date(deadline.date) << "  " << deadline.what << '\n';
  for (const auto& problem : corpus.validate()) std::cout << "  " << problem.str() << '\n';

  // 3. The queue-billion: each region's money, exact to the öre.
  namespace kb = sv::allocate::koemiljard2019;
  const auto result = kb::run(kb::read_csv(argv[2]));
  std::cout << '\n' << result.table();
  return 0;
} catch (const samverkan::error& e) {
  std::cerr << "quickstart: " << e.what() << '\n';
  return 1;
}
