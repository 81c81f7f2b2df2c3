// The store commands as a user runs them: `reparto demo`, `community show`, `export` (XLSX and
// CSV), `allocate` again, a community file whose coefficients do not sum to 1 refused with its
// file and line and nothing stored, and `member join | leave | list` with `coefficients
// add-version | history`.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "fileio/read_file.h"
#include "store/cli_runner.h"
#include "store/store_factories.h"

namespace reparto {
namespace {

TEST(CliStore, DemoThenShowExportAndAllocate) {
  const std::string dir = NewTempDir();
  const std::string db = " --db " + dir + "/demo.db";
  Output demo = Reparto("demo" + db);
  ASSERT_EQ(demo.code, 0) << demo.text;
  EXPECT_NE(demo.text.find("41 participants"), std::string::npos) << demo.text;
  EXPECT_NE(demo.text.find("365 days computed"), std::string::npos) << demo.text;
  // Demo community "name" (CAU), town: ...
  const auto open = demo.text.find("\" (") + 3;
  const std::string cau = demo.text.substr(open, demo.text.find(')', open) - open);
  ASSERT_EQ(cau.size(), 26u) << demo.text;

  Output again = Reparto("demo" + db);
  ASSERT_EQ(again.code, 0) << again.text;
  EXPECT_NE(again.text.find("nothing changed"), std::string::npos) << again.text;
  EXPECT_NE(again.text.find("0 days computed, 365 already up to date"), std::string::npos);

  Output show = Reparto("community show " + cau + db);
  ASSERT_EQ(show.code, 0) << show.text;
  EXPECT_NE(show.text.find("CEIP Mare Nostrum"), std::string::npos);
  EXPECT_NE(show.text.find("v3"), std::string::npos) << "three coefficient versions";
  EXPECT_EQ(show.text.find("warning"), std::string::npos) << show.text;

  Output xlsx =
      Reparto("export --community " + cau + " --kind monthly --out " + dir + "/monthly.xlsx" + db);
  ASSERT_EQ(xlsx.code, 0) << xlsx.text;
  auto bytes = ReadWholeFile(dir + "/monthly.xlsx");
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(bytes->substr(0, 2), "PK") << "an XLSX file is a ZIP archive";

  Output csv =
      Reparto("export --community " + cau + " --kind monthly --out " + dir + "/monthly.csv" + db);
  ASSERT_EQ(csv.code, 0) << csv.text;
  auto text = ReadWholeFile(dir + "/monthly.csv");
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("2025-12"), std::string::npos);

  Output unknown = Reparto("export --community NOPE --out " + dir + "/x.csv" + db);
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.text.find("no community 'NOPE'"), std::string::npos) << unknown.text;
  EXPECT_EQ(unknown.text.find("terminate"), std::string::npos);
}

TEST(CliStore, CoefficientsThatDoNotSumToOneAreRefused) {
  const std::string dir = NewTempDir();
  const std::string toml = dir + "/bad.toml";
  std::ofstream(toml) << "id = \"BAD\"\ncountry = \"PT\"\ntimezone = \"Europe/Lisbon\"\n"
                         "step_minutes = 15\n[sharing]\nmethod = \"fixed\"\n"
                         "[[sharing.periods]]\nfrom = \"2024-05-01\"\n"
                         "coefficients = { \"A\" = 0.6, \"B\" = 0.3 }\n"
                         "[[participants]]\nid = \"PV\"\nrole = \"producer\"\n"
                         "[[participants]]\nid = \"A\"\n[[participants]]\nid = \"B\"\n";
  const std::string db = " --db " + dir + "/bad.db";
  Output add = Reparto("community add --file " + toml + db);
  EXPECT_EQ(add.code, 1) << add.text;
  EXPECT_NE(add.text.find("bad.toml:9:"), std::string::npos) << add.text;
  EXPECT_NE(add.text.find("0.9"), std::string::npos) << add.text;
  Output list = Reparto("community list" + db);
  EXPECT_NE(list.text.find("no communities"), std::string::npos) << list.text;
}

TEST(CliStore, MembersAndCoefficientVersions) {
  const std::string dir = NewTempDir();
  const std::string toml = dir + "/pt.toml";
  std::ofstream(toml) << "id = \"PT-CLI\"\ncountry = \"PT\"\ntimezone = \"Europe/Lisbon\"\n"
                         "[sharing]\nmethod = \"fixed\"\n[[sharing.periods]]\n"
                         "from = \"2025-01-01\"\ncoefficients = { \"A\" = 1 }\n"
                         "[[participants]]\nid = \"PV\"\nrole = \"producer\"\n"
                         "[[participants]]\nid = \"A\"\n";
  const std::string db = " --db " + dir + "/members.db";
  const std::string in = " --community PT-CLI" + db;
  ASSERT_EQ(Reparto("community add --file " + toml + db).code, 0);

  Output join = Reparto("member join" + in +
                        " --participant B --date 2025-03-15 --name \"Loja, Rua 1\" "
                        "--email b@example.org --lat 38.72 --lon -9.14");
  ASSERT_EQ(join.code, 0) << join.text;
  EXPECT_NE(join.text.find("added B: member of PT-CLI from 2025-03-15"), std::string::npos)
      << join.text;
  Output leave = Reparto("member leave" + in + " --participant B --date 2025-04-15");
  ASSERT_EQ(leave.code, 0) << leave.text;
  EXPECT_NE(leave.text.find("last day of membership 2025-04-14"), std::string::npos) << leave.text;
  Output before = Reparto("member leave" + in + " --participant B --date 2025-03-01");
  EXPECT_EQ(before.code, 1) << before.text;
  EXPECT_NE(before.text.find("reparto: error: nothing was changed: B joined on 2025-03-15"),
            std::string::npos)
      << before.text;

  Output csv = Reparto("member list --format csv" + in);
  ASSERT_EQ(csv.code, 0) << csv.text;
  EXPECT_NE(csv.text.find("id,name,role,building,from,to,email,phone,lat,lon\n"
                          "PV,,producer,,,,,,,\nA,,consumer,,,,,,,\n"
                          "B,\"Loja, Rua 1\",consumer,,2025-03-15,2025-04-15,b@example.org,,"
                          "38.720000,-9.140000\n"),
            std::string::npos)
      << csv.text;

  std::ofstream(dir + "/bad.csv") << "participant,coefficient\nA,0.5\nB,0.4\n";
  Output bad =
      Reparto("coefficients add-version" + in + " --from 2025-03-01 --table " + dir + "/bad.csv");
  EXPECT_EQ(bad.code, 1) << bad.text;
  EXPECT_NE(bad.text.find("bad.csv:2: coefficients sum to 0.9"), std::string::npos) << bad.text;
  std::ofstream(dir + "/good.csv") << "participant,coefficient\nA,0.5\nB,0.5\n";
  Output good = Reparto("coefficients add-version" + in +
                        " --from 2025-03-01 --note \"assembly\" --table " + dir + "/good.csv");
  ASSERT_EQ(good.code, 0) << good.text;
  EXPECT_NE(good.text.find("added coefficient version 2 (fixed) to PT-CLI, valid from 2025-03-01"),
            std::string::npos)
      << good.text;
  EXPECT_NE(good.text.find("in the past"), std::string::npos) << good.text;
  Output history = Reparto("coefficients history" + in);
  ASSERT_EQ(history.code, 0) << history.text;
  EXPECT_NE(history.text.find("in force until 2025-03-01"), std::string::npos) << history.text;
  EXPECT_NE(history.text.find("assembly"), std::string::npos) << history.text;
  EXPECT_EQ(Reparto("member --help").code, 0);
}

}  // namespace
}  // namespace reparto
