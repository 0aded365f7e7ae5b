#include "sandbox/world/LocalAuthorityDirectory.h"

#include <QSet>

namespace cpis::sandbox {

namespace {
// London boroughs and the City, metropolitan districts, unitary authorities, shire counties.
const char* const kNames[] = {
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London",
    "Croydon", "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey",
    "Harrow", "Havering", "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea",
    "Kingston upon Thames", "Lambeth", "Lewisham", "Merton", "Newham", "Redbridge",
    "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest", "Wandsworth",
    "Westminster",
    // metropolitan districts
    "Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside",
    "Trafford", "Wigan", "Knowsley", "Liverpool", "St Helens", "Sefton", "Wirral", "Barnsley",
    "Doncaster", "Rotherham", "Sheffield", "Gateshead", "Newcastle upon Tyne", "North Tyneside",
    "South Tyneside", "Sunderland", "Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull",
    "Walsall", "Wolverhampton", "Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield",
    // unitary authorities
    "Bath and North East Somerset", "Bedford", "Blackburn with Darwen", "Blackpool", "Bournemouth",
    "Bracknell Forest", "Brighton and Hove", "Bristol", "Central Bedfordshire", "Cheshire East",
    "Cheshire West and Chester", "Cornwall", "Darlington", "Derby", "Durham",
    "East Riding of Yorkshire", "Halton", "Hartlepool", "Herefordshire", "Isle of Wight",
    "Isles of Scilly", "Kingston upon Hull", "Leicester", "Luton", "Medway", "Middlesbrough",
    "Milton Keynes", "North East Lincolnshire", "North Lincolnshire", "North Somerset",
    "Northumberland", "Nottingham", "Peterborough", "Plymouth", "Poole", "Portsmouth", "Reading",
    "Redcar and Cleveland", "Rutland", "Shropshire", "Slough", "South Gloucestershire",
    "Southampton", "Southend-on-Sea", "Stockton-on-Tees", "Stoke-on-Trent", "Swindon",
    "Telford and Wrekin", "Thurrock", "Torbay", "Warrington", "West Berkshire", "Wiltshire",
    "Windsor and Maidenhead", "Wokingham", "York",
    // shire counties
    "Buckinghamshire", "Cambridgeshire", "Cumbria", "Derbyshire", "Devon", "Dorset", "East Sussex",
    "Essex", "Gloucestershire", "Hampshire", "Hertfordshire", "Kent", "Lancashire",
    "Leicestershire", "Lincolnshire", "Norfolk", "North Yorkshire", "Northamptonshire",
    "Nottinghamshire", "Oxfordshire", "Somerset", "Staffordshire", "Suffolk", "Surrey",
    "Warwickshire", "West Sussex", "Worcestershire"};

QString councilName(const QString& place, int index)
{
    if (index < 33)
        return place == u"City of London" ? QStringLiteral("City of London Corporation")
                                          : QStringLiteral("London Borough of ") + place;
    if (index < 69 + 56)
        return place + QStringLiteral(" Council");
    return place + QStringLiteral(" County Council");
}
} // namespace

LocalAuthorityDirectory::LocalAuthorityDirectory()
{
    static_assert(sizeof(kNames) / sizeof(kNames[0]) == 152, "152 English local authorities");
    QSet<QString> used;
    int index = 0;
    for (const char* n : kNames) {
        const QString place = QString::fromLatin1(n);
        // ODS-style: three letters from the name and a digit, unique within the list.
        QString letters;
        for (const QChar c : place)
            if (c.isLetter() && letters.size() < 3)
                letters += c.toUpper();
        int digit = 1;
        QString code = letters + QString::number(digit);
        while (used.contains(code))
            code = letters + QString::number(++digit);
        used.insert(code);
        LocalAuthorityEntry e;
        e.odsCode = code;
        e.name = councilName(place, index);
        e.officeHoursPhone = QStringLiteral("01632 960%1").arg(index, 3, 10, QLatin1Char('0'));
        e.emergencyDutyPhone = QStringLiteral("07700 900%1").arg(index, 3, 10, QLatin1Char('0'));
        m_entries.append(e);
        ++index;
    }
}

int LocalAuthorityDirectory::indexOf(const QString& odsCode) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).odsCode == odsCode)
            return i;
    return -1;
}

} // namespace cpis::sandbox
