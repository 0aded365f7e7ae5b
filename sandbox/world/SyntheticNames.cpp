#include "sandbox/world/SyntheticNames.h"

#include <iterator>

namespace cpis::sandbox {

namespace {
const char* const kFemale[] = {"Amelia",  "Olivia", "Isla",   "Ava",       "Mia",   "Ivy",
                               "Lily",    "Freya",  "Grace",  "Sophia",    "Evie",  "Poppy",
                               "Ella",    "Aisha",  "Zara",   "Maya",      "Ruby",  "Chloe",
                               "Hannah",  "Layla",  "Priya",  "Niamh",     "Seren", "Alice",
                               "Jessica", "Emily",  "Sophie", "Charlotte", "Leah",  "Fatima"};
const char* const kMale[] = {"Oliver",  "George", "Noah",   "Arthur",  "Muhammad", "Leo",
                             "Harry",   "Oscar",  "Archie", "Henry",   "Jack",     "Theo",
                             "Freddie", "Jacob",  "Alfie",  "Charlie", "Thomas",   "Joshua",
                             "Daniel",  "Samuel", "Ethan",  "Adam",    "Reuben",   "Dylan",
                             "Ibrahim", "Kai",    "Logan",  "Rhys",    "Owen",     "Yusuf"};
const char* const kFamily[] = {
    "Smith",      "Jones",    "Taylor", "Brown",    "Williams", "Wilson",  "Johnson",  "Davies",
    "Patel",      "Robinson", "Wright", "Thompson", "Evans",    "Walker",  "White",    "Roberts",
    "Green",      "Hall",     "Thomas", "Clarke",   "Jackson",  "Wood",    "Harris",   "Edwards",
    "Turner",     "Martin",   "Cooper", "Hill",     "Ward",     "Hughes",  "Moore",    "Clark",
    "King",       "Harrison", "Lewis",  "Baker",    "Lee",      "Allen",   "Morris",   "Khan",
    "Scott",      "Watson",   "Davis",  "Parker",   "James",    "Bennett", "Young",    "Phillips",
    "Richardson", "Mitchell", "Bailey", "Carter",   "Cook",     "Singh",   "Shaw",     "Bell",
    "Collins",    "Morgan",   "Kelly",  "Begum",    "Miller",   "Cox",     "Marshall", "Ahmed"};
const char* const kStreets[] = {"Acacia Avenue",   "Church Lane",  "Mill Road",     "Station Road",
                                "Victoria Street", "Park Terrace", "Orchard Close", "High Street",
                                "Meadow Way",      "Chapel Walk",  "Beech Grove",   "Canal Side"};
const char* const kSchoolWords[] = {"St Mary's",  "Hillside",   "Oakwood",   "Riverside",
                                    "Greenfield", "Meadowbank", "Brookside", "Highfield",
                                    "Parkview",   "Ashgrove"};

template <typename T, size_t N> QString pick(T (&list)[N], int index)
{
    return QString::fromLatin1(list[size_t(index) % N]);
}
} // namespace

int SyntheticNames::givenCount(bool female)
{
    return female ? int(std::size(kFemale)) : int(std::size(kMale));
}

QString SyntheticNames::given(bool female, int index)
{
    return female ? pick(kFemale, index) : pick(kMale, index);
}

int SyntheticNames::familyCount()
{
    return int(std::size(kFamily));
}

QString SyntheticNames::family(int index)
{
    return pick(kFamily, index);
}

int SyntheticNames::streetCount()
{
    return int(std::size(kStreets));
}

QString SyntheticNames::street(int index)
{
    return pick(kStreets, index);
}

int SyntheticNames::schoolWordCount()
{
    return int(std::size(kSchoolWords));
}

QString SyntheticNames::schoolWord(int index)
{
    return pick(kSchoolWords, index);
}

} // namespace cpis::sandbox
