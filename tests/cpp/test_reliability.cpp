// Hostile input to the loaders and hostile surroundings for saving (issue 16):
// deep nesting, repeated keys, many keys, impossible dates, special files,
// read-only and linked targets, temporary files of killed saves. Each case
// is named in docs/reliability.md.

#include "archive_support.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace samverkan;

namespace {

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() /
             ("samverkan-reliability-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all, ignored);
    std::filesystem::remove_all(path, ignored);
  }
};

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string organisation_document(const std::string& members) {
  return R"({"schema": "samverkan.corpus", "version": 2, "organisations": [{"id": "org/a", "name": "A", "kind": "region")" +
         members + "}]}";
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = 0;
  std::size_t count = 0;
  while ((at = text.find(from, at)) != std::string::npos) {
    text.replace(at, from.size(), to);
    at += to.size();
    ++count;
  }
  REQUIRE(count > 0);
  return text;
}

constexpr std::size_t envelope_size(std::string_view type) { return 36 + type.size(); }

std::string le32(std::int32_t value) {
  std::string out(4, '\0');
  const auto bits = static_cast<std::uint32_t>(value);
  for (std::size_t i = 0; i < 4; ++i) out[i] = static_cast<char>((bits >> (8 * i)) & 0xFFU);
  return out;
}

}  // namespace

TEST_CASE("JSON nested deeper than max_json_depth is refused with its path", "[reliability][json]") {
  // 100 000 levels used to overflow the stack when the unknown key was kept.
  const std::string deep = organisation_document(R"(, "x": )" + nested(100'000));
  CHECK_THROWS_AS(from_json(deep, "deep.json"), parse_error);
  CHECK_THROWS_WITH(from_json(deep, "deep.json"),
                    Catch::Contains("deep.json") && Catch::Contains("organisations[0].x") &&
                        Catch::Contains("nested deeper than 512"));
  // Within the bound the value is kept and written back as it came.
  const std::string fine = organisation_document(R"(, "x": )" + nested(500));
  const Corpus corpus = from_json(fine);
  const auto& organisation = corpus.get(OrganisationId("org/a"));
  CHECK(organisation.extensions.at("json.x") == nested(500));
  CHECK(from_json(to_json(corpus)) == corpus);
}

TEST_CASE("an extension holding deeply nested JSON text is written as a string", "[reliability][json]") {
  // An archive or a Python program can put any text into an extension; the
  // JSON writer must not try to restore it as a tree it cannot dump.
  Corpus corpus;
  corpus.add(Organisation{.id = OrganisationId("org/a"), .name = "A", .kind = OrganisationKind::region,
                          .extensions = {{"json.x", nested(100'000)}, {"note", nested(100'000)}}});
  const std::string text = to_json(corpus, -1);
  CHECK(text.find(R"("extensions":{"json.x":"[[[)") != std::string::npos);
  CHECK(from_json(text) == corpus);
  // The same through a binary archive, as `samverkan convert in.svk out.json` does.
  const Corpus loaded = load_from_string(save_to_string(corpus, ArchiveFormat::binary));
  CHECK(from_json(to_json(loaded)) == corpus);
}

TEST_CASE("a JSON key given twice is refused with its path", "[reliability][json]") {
  const std::string twice_table =
      R"({"schema": "samverkan.corpus", "version": 2, "organisations": [{"id": "org/a", "name": "A"}], "organisations": []})";
  CHECK_THROWS_WITH(from_json(twice_table, "c.json"),
                    Catch::Contains("c.json") && Catch::Contains("organisations: the key appears twice"));
  CHECK_THROWS_WITH(from_json(organisation_document(R"(, "name": "B")")),
                    Catch::Contains("organisations[0].name: the key appears twice"));
  CHECK_THROWS_WITH(from_json(organisation_document(R"(, "extensions": {"k": "1", "k": "2"})")),
                    Catch::Contains("organisations[0].extensions.k: the key appears twice"));
  // The same key in different objects is fine.
  CHECK_NOTHROW(from_json(organisation_document(R"(, "extensions": {"k": "1"}, "x": {"k": 2})")));
}

TEST_CASE("200 000 unknown keys and extension entries load and round-trip", "[reliability][json]") {
  // Reading appended each key with a linear search (8 s for 100 000 keys,
  // 33 s for 200 000); the timing is in benchmarks, this checks the result.
  std::string members;
  std::string extensions = R"(, "extensions": {)";
  for (int i = 0; i < 200'000; ++i) {
    members += ", \"k" + std::to_string(i) + "\": " + std::to_string(i);
    extensions += (i ? ", \"e" : "\"e") + std::to_string(i) + "\": \"v\"";
  }
  const Corpus corpus = from_json(organisation_document(members + extensions + "}"));
  const auto& organisation = corpus.get(OrganisationId("org/a"));
  CHECK(organisation.extensions.size() == 400'000);
  CHECK(organisation.extensions.at("json.k199999") == "199999");
  CHECK(from_json(to_json(corpus, -1)) == corpus);
}

TEST_CASE("impossible dates in archives are refused in every format", "[reliability][archive]") {
  const Corpus corpus = archive_support::small_corpus();  // one meeting on 2024-10-28
  const std::string impossible[] = {"20240231", "20230229", "0", "-327671231", "327671231", "20241300"};
  for (const auto format : {ArchiveFormat::text, ArchiveFormat::xml}) {
    const std::string payload = save_to_string(corpus, format).substr(envelope_size("Corpus"));
    for (const auto& number : impossible) {
      INFO(to_string(format) << " " << number);
      const std::string bytes = detail::wrap_payload(format, replace_all(payload, "20241028", number));
      CHECK_THROWS_AS(load_from_string(bytes), corrupt_file_error);
      CHECK_THROWS_WITH(load_from_string(bytes), Catch::Contains("is not a date"));
    }
  }
  const std::string payload = save_to_string(corpus, ArchiveFormat::binary).substr(envelope_size("Corpus"));
  for (const std::int32_t number : {20240231, 20230229, 0, -327671231, 327671231}) {
    INFO("binary " << number);
    const std::string bytes =
        detail::wrap_payload(ArchiveFormat::binary, replace_all(payload, le32(20241028), le32(number)));
    CHECK_THROWS_AS(load_from_string(bytes), corrupt_file_error);
  }
  // The constructors and the JSON reader agree on the range.
  CHECK_THROWS_AS(make_date(0, 1, 1), value_error);
  CHECK_THROWS_AS(make_date(10000, 1, 1), value_error);
  CHECK_THROWS_AS(make_date(-44, 3, 15), value_error);
  CHECK(is_valid_date(make_date(1, 1, 1)));
  CHECK(is_valid_date(make_date(9999, 12, 31)));
  CHECK_FALSE(is_valid_date(Date{}));
}

TEST_CASE("a value no format could load is not saved in any", "[reliability][archive]") {
  // A plan extension left at its default end (0000-00-00) used to be written
  // to archives that loaded, and to JSON that did not.
  Corpus corpus;
  corpus.add(ActionPlan{.id = ActionPlanId("plan/1"), .title = "Plan", .period_extensions = {PlanExtension{}}});
  for (const auto format : {ArchiveFormat::binary, ArchiveFormat::text, ArchiveFormat::xml})
    CHECK_THROWS_WITH(save_to_string(corpus, format), Catch::Contains("is not a date"));
  CHECK_THROWS_WITH(to_json(corpus), Catch::Contains("plan/1") && Catch::Contains("new_end") &&
                                         Catch::Contains("0000-00-00"));
  TempDir dir("unsaveable");
  CHECK_THROWS_AS(save(corpus, dir.path / "c.svk"), value_error);
  CHECK_FALSE(std::filesystem::exists(dir.path / "c.svk"));
}

TEST_CASE("special files are refused without reading or hanging", "[reliability][io]") {
  TempDir dir("special");
  CHECK_THROWS_WITH(detail::read_file("/dev/zero"), Catch::Contains("character device"));
  std::filesystem::create_symlink("/dev/zero", dir.path / "zero.json");
  CHECK_THROWS_WITH(load(dir.path / "zero.json"), Catch::Contains("not a regular file"));
  const auto fifo = dir.path / "fifo.svk";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // No writer ever opens it: open() must not wait for one.
  CHECK_THROWS_WITH(load(fifo), Catch::Contains("FIFO"));
  CHECK_THROWS_WITH(load_json(fifo), Catch::Contains("FIFO"));
  CHECK_THROWS_WITH(load(dir.path), Catch::Contains("is a directory"));
  CHECK_THROWS_WITH(load(dir.path / "absent.svk"), Catch::Contains("no such file"));
}

TEST_CASE("a read-only target is refused unless overwrite_read_only", "[reliability][save]") {
  TempDir dir("readonly");
  const auto path = dir.path / "c.svk";
  const Corpus before = archive_support::small_corpus();
  save(before, path);
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                         std::filesystem::perms::others_read);
  const std::string bytes = slurp(path);
  CHECK_THROWS_WITH(save(Corpus{}, path), Catch::Contains("read-only") && Catch::Contains("nothing was written"));
  CHECK_THROWS_WITH(save_json(Corpus{}, dir.path / "c.svk", {}), Catch::Contains("read-only"));
  CHECK(slurp(path) == bytes);
  save(Corpus{}, path, std::nullopt, SaveOptions{.overwrite_read_only = true});
  CHECK(load(path) == Corpus{});
  // The mode the owner chose stays.
  CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::group_read | std::filesystem::perms::others_read));
}

TEST_CASE("a symbolic link is followed: the file it names is replaced, the link kept", "[reliability][save]") {
  TempDir dir("symlink");
  std::filesystem::create_directories(dir.path / "real");
  save(Corpus{}, dir.path / "real" / "c.json");
  std::filesystem::create_symlink("real/c.json", dir.path / "link.json");
  std::filesystem::create_symlink("link.json", dir.path / "link2.json");
  const Corpus corpus = archive_support::small_corpus();
  save(corpus, dir.path / "link2.json");
  CHECK(std::filesystem::is_symlink(dir.path / "link.json"));
  CHECK(std::filesystem::is_symlink(dir.path / "link2.json"));
  CHECK(load(dir.path / "real" / "c.json") == corpus);
  // A dangling link gets its file created where it points.
  std::filesystem::create_symlink("real/new.svk", dir.path / "dangling.svk");
  save(corpus, dir.path / "dangling.svk");
  CHECK(std::filesystem::is_symlink(dir.path / "dangling.svk"));
  CHECK(load(dir.path / "real" / "new.svk") == corpus);
}

TEST_CASE("permissions are kept less set-user-id and set-group-id", "[reliability][save]") {
  TempDir dir("setuid");
  const auto path = dir.path / "c.svk";
  save(Corpus{}, path);
  REQUIRE(::chmod(path.c_str(), 06750) == 0);
  save(archive_support::small_corpus(), path);
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0750);
}

TEST_CASE("temporary files of killed saves are removed by the next save", "[reliability][save]") {
  TempDir dir("stale");
  const auto path = dir.path / "c.svk";
  // A process id that no longer runs: a child that has exited and been reaped.
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) ::_exit(0);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  const auto stale = dir.path / (".c.svk.tmp-" + std::to_string(child) + "-0");
  const auto live = dir.path / ".c.svk.tmp-1-0";           // pid 1 always runs
  const auto other = dir.path / (".d.svk.tmp-" + std::to_string(child) + "-0");  // another target's
  const auto unrelated = dir.path / ".c.svk.tmp-notes";
  for (const auto& file : {stale, live, other, unrelated}) write(file, "partial");
  save(archive_support::small_corpus(), path);
  CHECK_FALSE(std::filesystem::exists(stale));
  CHECK(std::filesystem::exists(live));
  CHECK(std::filesystem::exists(other));
  CHECK(std::filesystem::exists(unrelated));
}

namespace {
bool fail_write(detail::SaveStep step) { return step != detail::SaveStep::write; }
}  // namespace

TEST_CASE("a failed save says whether a previous file exists", "[reliability][save]") {
  TempDir dir("message");
  struct Reset {
    ~Reset() { detail::set_save_fault_hook(nullptr); }
  } reset;
  detail::set_save_fault_hook(fail_write);
  CHECK_THROWS_WITH(save(Corpus{}, dir.path / "new.svk"), Catch::Contains("no file was created") &&
                                                              !Catch::Contains("previous file"));
  CHECK_FALSE(std::filesystem::exists(dir.path / "new.svk"));
  detail::set_save_fault_hook(nullptr);
  save(Corpus{}, dir.path / "old.svk");
  detail::set_save_fault_hook(fail_write);
  CHECK_THROWS_WITH(save(Corpus{}, dir.path / "old.svk"), Catch::Contains("the previous file is unchanged"));
}
