#include "sandbox/endpoints/PatientSearch.h"

#include "sandbox/fhir/FhirResources.h"
#include "sandbox/world/PopulationIndex.h"
#include "sandbox/world/Soundex.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace cpis::sandbox {

namespace {

// What each criterion weighs in the score; only the criteria searched on count.
constexpr double kFamilyWeight = 0.30;
constexpr double kGivenWeight = 0.25;
constexpr double kBirthWeight = 0.30;
constexpr double kGenderWeight = 0.05;
constexpr double kPostcodeWeight = 0.10;
constexpr double kUnheldWeight = 0.10; // death date, GP: nobody here holds one
// A fuzzy candidate below this is not a match: an exact birth date, given name and sex with
// an unrelated family name (0.67) stays out.
constexpr double kFuzzyThreshold = 0.70;
// A birth window narrower than this is read by birth date alone, so that a family name
// misspelt into another sound is still found; a wider one by the family name's sound.
constexpr qint64 kByBirthRows = 4000;
constexpr int kMaxNameLength = 35;

const QStringList kKnownParameters{
    QStringLiteral("family"),
    QStringLiteral("given"),
    QStringLiteral("gender"),
    QStringLiteral("birthdate"),
    QStringLiteral("death-date"),
    QStringLiteral("address-postalcode"),
    QStringLiteral("address-postcode"),
    QStringLiteral("general-practitioner"),
    QStringLiteral("email"),
    QStringLiteral("phone"),
    QStringLiteral("_fuzzy-match"),
    QStringLiteral("_exact-match"),
    QStringLiteral("_history"),
    QStringLiteral("_max-results"),
};

// Given names that are one another's short or long forms.
const char* const kGivenVariants[][4] = {
    {"ALFIE", "ALFRED", "ALF", nullptr},          {"ARCHIE", "ARCHIBALD", nullptr, nullptr},
    {"CHARLIE", "CHARLES", "CHARLOTTE", nullptr}, {"LOTTIE", "CHARLOTTE", nullptr, nullptr},
    {"FREDDIE", "FREDERICK", "FRED", "FREDDY"},   {"HARRY", "HENRY", "HAL", nullptr},
    {"THEO", "THEODORE", nullptr, nullptr},       {"TOM", "THOMAS", "TOMMY", nullptr},
    {"JOSH", "JOSHUA", nullptr, nullptr},         {"DAN", "DANIEL", "DANNY", nullptr},
    {"SAM", "SAMUEL", "SAMMY", nullptr},          {"OLLIE", "OLIVER", "OLLY", nullptr},
    {"JAKE", "JACOB", nullptr, nullptr},          {"MO", "MUHAMMAD", "MOHAMMED", "MOHAMMAD"},
    {"IBBY", "IBRAHIM", nullptr, nullptr},        {"JACK", "JOHN", nullptr, nullptr},
    {"MILLIE", "AMELIA", "AMY", nullptr},         {"LIV", "OLIVIA", "LIVVY", nullptr},
    {"SOPHIE", "SOPHIA", nullptr, nullptr},       {"EVIE", "EVE", "EVELYN", nullptr},
    {"ELLIE", "ELLA", "ELEANOR", nullptr},        {"LILY", "LILIAN", "LILLIAN", "LIL"},
    {"JESS", "JESSICA", "JESSIE", nullptr},       {"EMILY", "EMMY", "EM", nullptr},
    {"HANNAH", "HANNA", "HAN", nullptr},          {"GRACE", "GRACIE", nullptr, nullptr},
    {"FATIMA", "FATIMAH", nullptr, nullptr},      {"AISHA", "AYESHA", "AYSHA", nullptr},
    {"ZARA", "ZAHRA", nullptr, nullptr},          {"MAYA", "MAIA", "MYA", nullptr},
    {"LAYLA", "LEILA", "LAILA", nullptr},         {"NIAMH", "NEVE", "NIEVE", nullptr},
    {"PRIYA", "PRIA", nullptr, nullptr},          {"RHYS", "REECE", "REES", nullptr},
    {"YUSUF", "YOUSEF", "YOUSUF", "JOSEPH"},      {"ADAM", "ADAMS", nullptr, nullptr},
};

const QHash<QString, QList<int>>& givenGroups()
{
    static const QHash<QString, QList<int>> groups = [] {
        QHash<QString, QList<int>> g;
        for (int i = 0; i < int(std::size(kGivenVariants)); ++i)
            for (const char* n : kGivenVariants[i])
                if (n)
                    g[QString::fromLatin1(n)].append(i);
        return g;
    }();
    return groups;
}

bool variants(const QString& a, const QString& b)
{
    const QList<int> ga = givenGroups().value(a);
    const QList<int> gb = givenGroups().value(b);
    for (int x : ga)
        if (gb.contains(x))
            return true;
    return false;
}

// Optimal string alignment distance: a swapped pair of letters costs one, as a slip does.
int distance(const QString& a, const QString& b)
{
    const int n = int(a.size()), m = int(b.size());
    std::vector<int> prev2(size_t(m + 1)), prev(size_t(m + 1)), cur(size_t(m + 1));
    for (int j = 0; j <= m; ++j)
        prev[size_t(j)] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        for (int j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int v =
                std::min({prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1, prev[size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                v = std::min(v, prev2[size_t(j - 2)] + 1);
            cur[size_t(j)] = v;
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[size_t(m)];
}

double similarity(const QString& a, const QString& b)
{
    const int longest = int(std::max(a.size(), b.size()));
    return longest == 0 ? 0.0 : 1.0 - double(distance(a, b)) / longest;
}

// `pattern` with `*` for any run of letters, against an upper-case folded name.
bool globMatch(QStringView pattern, QStringView text)
{
    if (pattern.isEmpty())
        return text.isEmpty();
    if (pattern.front() == u'*') {
        for (qsizetype i = 0; i <= text.size(); ++i)
            if (globMatch(pattern.mid(1), text.mid(i)))
                return true;
        return false;
    }
    return !text.isEmpty() && pattern.front() == text.front() &&
           globMatch(pattern.mid(1), text.mid(1));
}

// Upper-case letters, and `*` when wildcards are allowed.
QString fold(const QString& s, bool keepStar)
{
    QString out;
    for (const QChar c : s) {
        const QChar u = c.toUpper();
        if ((u >= u'A' && u <= u'Z') || (keepStar && u == u'*'))
            out.append(u);
    }
    return out;
}

QString foldPostcode(const QString& s)
{
    QString out = s.toUpper();
    out.remove(u' ');
    return out;
}

// The outward code (district): all but the inward code's last three characters.
QString district(const QString& folded)
{
    return folded.size() >= 5 ? folded.left(folded.size() - 3) : QString();
}

struct Query
{
    QString family; // folded; may hold *
    QString given;
    QString familySound, givenSound;
    QString gender;
    QString postcode; // folded; may hold *
    QString phoneDigits;
    bool deathDate = false, gp = false, email = false;
    std::optional<qint32> eq, ge, le;
    bool fuzzy = false, exact = false;
    int maxResults = PatientSearch::kDefaultMaxResults;
};

struct Problem
{
    QString code;
    QString why;
};

std::optional<bool> boolean(const QString& v)
{
    if (v == u"true")
        return true;
    if (v == u"false")
        return false;
    return std::nullopt;
}

QString invalid(const QString& value, const QString& field)
{
    return QStringLiteral("Invalid value - '%1' in field '%2'").arg(value, field);
}

// Reads and checks the query; a problem is answered 400 with its code.
std::optional<Problem> read(const QUrlQuery& q, Query& out)
{
    const auto items = q.queryItems(QUrl::FullyDecoded);
    if (items.isEmpty())
        return Problem{QStringLiteral("UNSUPPORTED_SERVICE"),
                       QStringLiteral("No search parameters provided")};
    QHash<QString, QStringList> values;
    for (auto [key, value] : items) {
        if (!kKnownParameters.contains(key))
            return Problem{QStringLiteral("ADDITIONAL_PROPERTIES"),
                           QStringLiteral("Invalid search parameter - '%1'").arg(key)};
        value.replace(u'+', u' '); // a form-encoded space
        if (value.trimmed().isEmpty())
            return Problem{QStringLiteral("MISSING_VALUE"),
                           QStringLiteral("Missing value - '%1'").arg(key)};
        values[key].append(value.trimmed());
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (it->size() > 1 && it.key() != u"given" && it.key() != u"birthdate" &&
            it.key() != u"death-date")
            return Problem{QStringLiteral("INVALID_SEARCH_DATA"),
                           QStringLiteral("'%1' may be given once").arg(it.key())};
    auto one = [&values](const char* key) { return values.value(QLatin1String(key)).value(0); };

    for (const char* flag : {"_fuzzy-match", "_exact-match", "_history"}) {
        if (!values.contains(QLatin1String(flag)))
            continue;
        const auto b = boolean(one(flag));
        if (!b)
            return Problem{QStringLiteral("INVALID_VALUE"),
                           invalid(one(flag), QLatin1String(flag))};
        if (qstrcmp(flag, "_fuzzy-match") == 0)
            out.fuzzy = *b;
        else if (qstrcmp(flag, "_exact-match") == 0)
            out.exact = *b;
    }
    if (values.contains(QStringLiteral("_max-results"))) {
        bool ok = false;
        const int n = one("_max-results").toInt(&ok);
        if (!ok || n < 1 || n > PatientSearch::kMaxResults)
            return Problem{QStringLiteral("INVALID_VALUE"),
                           invalid(one("_max-results"), QStringLiteral("_max-results"))};
        out.maxResults = n;
    }
    if (values.contains(QStringLiteral("gender"))) {
        out.gender = one("gender");
        static const QStringList genders{QStringLiteral("male"), QStringLiteral("female"),
                                         QStringLiteral("other"), QStringLiteral("unknown")};
        if (!genders.contains(out.gender))
            return Problem{QStringLiteral("INVALID_VALUE"),
                           invalid(out.gender, QStringLiteral("gender"))};
    }

    // Names and postcodes: a wildcard only after two characters and never in a fuzzy search.
    auto pattern = [&out](const QString& raw, const QString& field,
                          QString& folded) -> std::optional<Problem> {
        if (raw.size() > kMaxNameLength)
            return Problem{QStringLiteral("INVALID_VALUE"), invalid(raw, field)};
        if (raw.contains(u'*')) {
            if (out.fuzzy)
                return Problem{QStringLiteral("INVALID_SEARCH_DATA"),
                               QStringLiteral("Wildcards are not allowed in a fuzzy search - "
                                              "'%1'")
                                   .arg(field)};
            if (raw.indexOf(u'*') < 2)
                return Problem{QStringLiteral("INVALID_VALUE"), invalid(raw, field)};
        }
        folded = field.startsWith(u"address") ? foldPostcode(raw) : fold(raw, true);
        if (folded.isEmpty() || folded == u"*")
            return Problem{QStringLiteral("INVALID_VALUE"), invalid(raw, field)};
        return std::nullopt;
    };
    if (values.contains(QStringLiteral("family")))
        if (auto p = pattern(one("family"), QStringLiteral("family"), out.family))
            return p;
    if (values.contains(QStringLiteral("given")))
        // The first given name is the one compared; middle names are not held here.
        if (auto p = pattern(one("given"), QStringLiteral("given"), out.given))
            return p;
    if (values.contains(QStringLiteral("address-postalcode")) &&
        values.contains(QStringLiteral("address-postcode")))
        return Problem{QStringLiteral("INVALID_SEARCH_DATA"),
                       QStringLiteral("Use address-postalcode or address-postcode, not both")};
    for (const char* key : {"address-postalcode", "address-postcode"})
        if (values.contains(QLatin1String(key)))
            if (auto p = pattern(one(key), QLatin1String(key), out.postcode))
                return p;
    out.familySound = Soundex::code(out.family);
    out.givenSound = Soundex::code(out.given);

    static const QRegularExpression dateRe(QStringLiteral("^(eq|ge|le)?(\\d{4}-\\d{2}-\\d{2})$"));
    auto dates = [&values](const QString& field, Query& q, bool keep) -> std::optional<Problem> {
        for (const QString& v : values.value(field)) {
            const auto m = dateRe.match(v);
            const QDate d = m.hasMatch() ? QDate::fromString(m.captured(2), Qt::ISODate) : QDate();
            if (!d.isValid())
                return Problem{QStringLiteral("INVALID_VALUE"), invalid(v, field)};
            const QString prefix = m.captured(1).isEmpty() ? QStringLiteral("eq") : m.captured(1);
            auto& slot = prefix == u"eq" ? q.eq : prefix == u"ge" ? q.ge : q.le;
            if (slot || (prefix == u"eq" && (q.ge || q.le)) || (prefix != u"eq" && q.eq))
                return Problem{
                    QStringLiteral("INVALID_SEARCH_DATA"),
                    QStringLiteral("'%1' is one date, or a range of one ge and one le").arg(field)};
            slot = qint32(d.toJulianDay());
        }
        if (q.ge && q.le && *q.ge > *q.le)
            return Problem{QStringLiteral("INVALID_SEARCH_DATA"),
                           QStringLiteral("'%1' range ends before it starts").arg(field)};
        if (!keep)
            q.eq = q.ge = q.le = std::nullopt;
        return std::nullopt;
    };
    if (auto p = dates(QStringLiteral("birthdate"), out, true))
        return p;
    Query death;
    if (auto p = dates(QStringLiteral("death-date"), death, false))
        return p;
    out.deathDate = values.contains(QStringLiteral("death-date"));
    out.gp = values.contains(QStringLiteral("general-practitioner"));
    out.email = values.contains(QStringLiteral("email"));
    if (values.contains(QStringLiteral("phone"))) {
        for (const QChar c : one("phone"))
            if (c.isDigit())
                out.phoneDigits.append(c);
        if (out.phoneDigits.size() < 10)
            return Problem{QStringLiteral("INVALID_VALUE"),
                           invalid(one("phone"), QStringLiteral("phone"))};
    }

    // The combinations PDS accepts.
    const bool birth = out.eq || out.ge || out.le;
    const bool family = !out.family.isEmpty(), given = !out.given.isEmpty();
    const bool gender = !out.gender.isEmpty(), postcode = !out.postcode.isEmpty();
    const bool enough =
        out.fuzzy ? (birth && ((given && family) || (gender && postcode && (family || given))))
                  : (birth && family);
    if (!enough)
        return Problem{QStringLiteral("INVALID_SEARCH_DATA"),
                       out.fuzzy ? QStringLiteral("A fuzzy search needs given name, family name "
                                                  "and birth date; or family or given name, "
                                                  "birth date, gender and postcode")
                                 : QStringLiteral("A search needs at least a family name and a "
                                                  "birth date")};
    return std::nullopt;
}

// The score of one name against the query, 0 when it does not match; non-fuzzy: 1 or a
// wildcard's 0.9, else 0.
double familyScore(const Query& q, const PopulationIndex::Name& n)
{
    if (q.family.contains(u'*'))
        return globMatch(q.family, n.folded) ? 0.9 : 0.0;
    if (q.family == n.folded)
        return 1.0;
    if (!q.fuzzy)
        return 0.0;
    const double sim = similarity(q.family, n.folded);
    double s = sim >= 0.6 ? 0.85 * sim : 0.0;
    if (q.familySound == n.soundex)
        s = std::max(s, 0.85);
    return s;
}

double givenScore(const Query& q, const PopulationIndex::Name& n)
{
    // Compound or middle names: the first given name is what both sides are compared on.
    const QString first = n.folded;
    if (q.given.contains(u'*'))
        return globMatch(q.given, first) ? 0.9 : 0.0;
    if (q.given == first)
        return 1.0;
    if (!q.fuzzy)
        return 0.0;
    if (variants(q.given, first))
        return 0.9;
    double s = 0.0;
    if (q.givenSound == n.soundex)
        s = 0.85;
    if (q.given.size() >= 3 && (first.startsWith(q.given) || q.given.startsWith(first)))
        s = std::max(s, 0.8);
    const double sim = similarity(q.given, first);
    if (sim >= 0.6)
        s = std::max(s, 0.8 * sim);
    return s;
}

struct Scored
{
    PopulationIndex::Row row;
    double score;
};

QDate swapped(const QDate& d)
{
    if (d.day() > 12 || d.day() == d.month())
        return {};
    return QDate(d.year(), d.day(), d.month());
}

} // namespace

PatientSearch::Answer
PatientSearch::answer(const QUrlQuery& query, const QString& origin, const QDateTime& now) const
{
    Query q;
    if (const auto problem = read(query, q))
        return {400, problem->code, problem->why, {}};

    // The windows of birth dates to read, and how much each is worth.
    struct Window
    {
        qint32 from, to;
        double birthScore;
    };
    std::vector<Window> windows;
    if (q.eq) {
        windows.push_back({*q.eq, *q.eq, 1.0});
        if (q.fuzzy)
            if (const QDate s = swapped(QDate::fromJulianDay(*q.eq)); s.isValid())
                windows.push_back({qint32(s.toJulianDay()), qint32(s.toJulianDay()), 0.8});
    } else {
        windows.push_back({q.ge.value_or(std::numeric_limits<qint32>::min()),
                           q.le.value_or(std::numeric_limits<qint32>::max()), 1.0});
    }

    // Nobody here has died, is registered with a GP or has an email address: a search that
    // must match one of those finds nobody.
    const bool unheldMustMatch = q.email || (!q.fuzzy && (q.deathDate || q.gp));

    std::vector<Scored> matches;
    QHash<quint16, double> familyCache, givenCache, swappedFamily, swappedGiven;
    auto cached = [](QHash<quint16, double>& cache, quint16 id, auto compute) {
        if (const auto it = cache.constFind(id); it != cache.constEnd())
            return *it;
        const double v = compute();
        cache.insert(id, v);
        return v;
    };
    // The same query with given and family names the other way round.
    Query t = q;
    std::swap(t.family, t.given);
    std::swap(t.familySound, t.givenSound);
    QSet<qint32> seen;
    for (const Window& w : windows) {
        if (unheldMustMatch)
            break;
        std::vector<PopulationIndex::Row> rows;
        const bool bySound = !q.family.isEmpty() && !q.family.contains(u'*') &&
                             m_index.countBornBetween(w.from, w.to) > kByBirthRows;
        if (bySound)
            m_index.familyBornBetween(q.familySound, w.from, w.to, rows);
        else
            m_index.bornBetween(w.from, w.to, rows);
        for (const PopulationIndex::Row& r : rows) {
            if (seen.contains(r.ref))
                continue; // a date and its swap can be the same window's neighbour
            double weight = 0, sum = 0;
            auto add = [&](double wgt, double s) {
                weight += wgt;
                sum += wgt * s;
            };
            double f = 1.0, g = 1.0;
            if (!q.family.isEmpty())
                f = cached(familyCache, r.family,
                           [&] { return familyScore(q, m_index.name(r.family)); });
            if (!q.given.isEmpty())
                g = cached(givenCache, r.given,
                           [&] { return givenScore(q, m_index.name(r.given)); });
            if (q.fuzzy && !q.family.isEmpty() && !q.given.isEmpty() && (f < 0.85 || g < 0.85)) {
                // Given and family names the wrong way round.
                // `t` is the query turned round: its family name against the person's family
                // name is the query's given name against it.
                const double tf = cached(swappedFamily, r.family,
                                         [&] { return familyScore(t, m_index.name(r.family)); });
                const double tg = cached(swappedGiven, r.given,
                                         [&] { return givenScore(t, m_index.name(r.given)); });
                if (tf >= 0.85 && tg >= 0.85 && 0.9 * (tf + tg) / 2 > (f + g) / 2)
                    f = g = 0.9 * (tf + tg) / 2;
            }
            if (!q.family.isEmpty())
                add(kFamilyWeight, f);
            if (!q.given.isEmpty())
                add(kGivenWeight, g);
            if (!q.fuzzy && (f == 0.0 || g == 0.0))
                continue;
            if (q.fuzzy && f == 0.0 && g == 0.0)
                continue;
            add(kBirthWeight, w.birthScore);
            if (!q.gender.isEmpty()) {
                const bool same = (q.gender == u"female") == r.female &&
                                  (q.gender == u"female" || q.gender == u"male");
                if (!same && !q.fuzzy)
                    continue;
                add(kGenderWeight, same ? 1.0 : 0.0);
            }
            if (q.deathDate)
                add(kUnheldWeight, 0.0);
            if (q.gp)
                add(kUnheldWeight, 0.0);
            const double threshold = q.fuzzy ? kFuzzyThreshold : 0.0;
            // Without the postcode and phone, which need the whole person: the best it can be.
            const double extra = (q.postcode.isEmpty() ? 0.0 : kPostcodeWeight);
            if ((sum + extra) / (weight + extra) < threshold)
                continue;
            if (!q.postcode.isEmpty() || !q.phoneDigits.isEmpty()) {
                const SandboxPerson p = m_index.person(r);
                if (!q.phoneDigits.isEmpty()) {
                    QString digits;
                    for (const QChar c : p.phone)
                        if (c.isDigit())
                            digits.append(c);
                    if (p.restricted || digits != q.phoneDigits)
                        continue;
                }
                if (!q.postcode.isEmpty()) {
                    // A postcode search never returns a restricted person.
                    if (p.restricted)
                        continue;
                    const QString pc = foldPostcode(p.postcode);
                    double s = 0.0;
                    if (q.postcode.contains(u'*'))
                        s = globMatch(q.postcode, pc) ? 0.9 : 0.0;
                    else if (q.postcode == pc)
                        s = 1.0;
                    else if (q.fuzzy && !district(pc).isEmpty() &&
                             district(q.postcode) == district(pc))
                        s = 0.6;
                    if (!q.fuzzy && s == 0.0)
                        continue;
                    add(kPostcodeWeight, s);
                }
            }
            const double score = std::round(sum / weight * 10000.0) / 10000.0;
            if (score < threshold || (q.exact && score < 1.0))
                continue;
            seen.insert(r.ref);
            matches.push_back({r, score});
        }
    }

    if (int(matches.size()) > q.maxResults)
        return {200, {}, {}, FhirResources::tooManyMatches()};
    std::vector<std::pair<SandboxPerson, double>> people;
    people.reserve(matches.size());
    for (const Scored& m : matches)
        people.emplace_back(m_index.person(m.row), m.score);
    std::sort(people.begin(), people.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first.nhsNumber < b.first.nhsNumber;
    });
    QJsonArray entries;
    for (const auto& [person, score] : people)
        entries.append(m_resources.patientSearchEntry(person, score, origin));
    return {200,
            {},
            {},
            FhirResources::patientSearchset(QUuid::createUuid().toString(QUuid::WithoutBraces), now,
                                            entries)};
}

} // namespace cpis::sandbox
