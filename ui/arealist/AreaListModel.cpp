#include "ui/arealist/AreaListModel.h"

#include "core/domain/DisplayFormat.h"

#include <QColor>
#include <QHash>

#include <algorithm>
#include <cstring>
#include <limits>

namespace cpis::ui {

namespace {
QString planName(PlanType t)
{
    switch (t) {
    case PlanType::ChildProtection:
        return AreaListModel::tr("Child Protection Plan");
    case PlanType::LookedAfter:
        return AreaListModel::tr("Looked After Child");
    case PlanType::UnbornChildProtection:
        return AreaListModel::tr("Unborn Child Protection Plan");
    }
    return {};
}

QString date(qint32 jd)
{
    return jd == 0 ? display::notKnown() : display::date(QDate::fromJulianDay(jd));
}

// "999 000 0018", as people read NHS numbers.
QString spaced(const QString& nhs)
{
    return nhs.size() == 10 ? nhs.left(3) + u' ' + nhs.mid(3, 3) + u' ' + nhs.mid(6) : nhs;
}
} // namespace

AreaListModel::AreaListModel(QObject* parent) : QAbstractTableModel(parent) {}

void AreaListModel::beginLoad(const QDate& today, qsizetype expected)
{
    beginResetModel();
    m_today = qint32(today.toJulianDay());
    m_rows.clear();
    m_names.clear();
    m_keys.clear();
    m_keyStart.clear();
    m_flags.clear();
    m_shared.clear();
    m_sharedAt.clear();
    m_order.clear();
    m_visible.clear();
    if (expected > 0) {
        m_rows.reserve(size_t(expected));
        m_keyStart.reserve(size_t(expected) + 1);
        m_flags.reserve(size_t(expected));
        m_names.reserve(expected * 32); // "nhs given family" is about 30 bytes
        m_keys.reserve(expected * 36);  // the same lower case, with two spaces and a newline
    }
}

QByteArrayView AreaListModel::nhsOf(const Row& r) const
{
    return QByteArrayView(m_names.constData() + r.names, r.nhsLen);
}

QByteArrayView AreaListModel::givenOf(const Row& r) const
{
    return QByteArrayView(m_names.constData() + r.names + r.nhsLen, r.givenLen);
}

QByteArrayView AreaListModel::familyOf(const Row& r) const
{
    return QByteArrayView(m_names.constData() + r.names + r.nhsLen + r.givenLen, r.familyLen);
}

quint32 AreaListModel::shared(QByteArrayView text)
{
    // fromRawData: the look-up allocates nothing; only a first sight keeps a copy.
    const auto it = m_sharedAt.constFind(QByteArray::fromRawData(text.data(), text.size()));
    if (it != m_sharedAt.constEnd())
        return *it;
    const auto at = quint32(m_shared.size());
    m_shared.append(QString::fromUtf8(text));
    m_sharedAt.insert(text.toByteArray(), at);
    return at;
}

void AreaListModel::appendKey(const AreaListRowView& r)
{
    m_keyStart.push_back(int(m_keys.size()));
    // Most names are ASCII: lower-cased straight into the buffer, with no temporary strings.
    // Anything else takes Qt's full case mapping, which the needle gets too.
    const QByteArrayView parts[] = {r.familyName, r.givenName, r.nhsNumber};
    for (const QByteArrayView& part : parts) {
        const bool ascii =
            std::all_of(part.begin(), part.end(), [](char c) { return (uchar(c) & 0x80) == 0; });
        if (ascii) {
            const qsizetype at = m_keys.size();
            m_keys.resize(at + part.size());
            std::transform(part.begin(), part.end(), m_keys.data() + at,
                           [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
        } else {
            m_keys += QString::fromUtf8(part).toLower().toUtf8();
        }
        m_keys += &part == &parts[2] ? '\n' : ' ';
    }
}

void AreaListModel::append(const AreaListRowView& in)
{
    Row r;
    r.names = quint32(m_names.size());
    r.nhsLen = quint32(in.nhsNumber.size());
    r.givenLen = quint32(in.givenName.size());
    r.familyLen = quint32(in.familyName.size());
    m_names.append(in.nhsNumber).append(in.givenName).append(in.familyName);
    r.gender = shared(in.gender);
    r.laCode = shared(in.laCode);
    r.laName = shared(in.laName);
    r.birth = in.birthDate ? qint32(in.birthDate->toJulianDay()) : 0;
    r.start = qint32(in.start.toJulianDay());
    r.end = in.end ? qint32(in.end->toJulianDay()) : 0;
    r.type = in.type;
    appendKey(in);
    m_flags.push_back(quint8(int(r.type) | (r.end != 0 && r.end < m_today ? 4 : 0)));
    m_rows.push_back(r);
}

void AreaListModel::endLoad()
{
    m_keyStart.push_back(int(m_keys.size()));
    m_order.resize(m_rows.size());
    for (size_t i = 0; i < m_order.size(); ++i)
        m_order[i] = int(i);
    sortOrder();
    m_visible = filtered();
    endResetModel();
}

void AreaListModel::clear()
{
    beginLoad(QDate::fromJulianDay(m_today));
    endLoad();
}

QByteArrayView AreaListModel::key(int row) const
{
    const int from = m_keyStart[size_t(row)];
    return QByteArrayView(m_keys.constData() + from, m_keyStart[size_t(row) + 1] - from - 1);
}

QString AreaListModel::normalisedNeedle(const QString& text)
{
    QString t = text.trimmed().toLower();
    // "943 476 5919" finds the number as it is stored.
    bool digits = !t.isEmpty();
    for (const QChar c : std::as_const(t))
        if (!c.isDigit() && c != u' ' && c != u'-')
            digits = false;
    if (digits)
        t.remove(u' ').remove(u'-');
    return t;
}

bool AreaListModel::passesFlags(int row) const
{
    const quint8 f = m_flags[size_t(row)];
    if (!m_showEnded && (f & 4))
        return false;
    switch (m_plan) {
    case PlanFilter::All:
        return true;
    case PlanFilter::ChildProtection:
        return (f & 3) == int(PlanType::ChildProtection);
    case PlanFilter::LookedAfter:
        return (f & 3) == int(PlanType::LookedAfter);
    case PlanFilter::UnbornChildProtection:
        return (f & 3) == int(PlanType::UnbornChildProtection);
    }
    return true;
}

std::vector<int> AreaListModel::filtered() const
{
    std::vector<char> hit;
    if (!m_needle.isEmpty()) {
        // One pass over every key; a row is a hit once, then the search skips to the next row.
        hit.assign(m_rows.size(), 0);
        const char* base = m_keys.constData();
        const size_t size = size_t(m_keys.size());
        size_t pos = 0;
        while (pos < size) {
            const void* p =
                memmem(base + pos, size - pos, m_needle.constData(), size_t(m_needle.size()));
            if (!p)
                break;
            const int offset = int(static_cast<const char*>(p) - base);
            const auto next = std::upper_bound(m_keyStart.cbegin(), m_keyStart.cend(), offset);
            const size_t row = size_t(next - m_keyStart.cbegin()) - 1;
            hit[row] = 1;
            pos = size_t(*next);
        }
    }
    std::vector<int> out;
    out.reserve(m_order.size());
    for (const int i : m_order)
        if ((hit.empty() || hit[size_t(i)]) && passesFlags(i))
            out.push_back(i);
    return out;
}

void AreaListModel::refilter()
{
    beginResetModel();
    m_visible = filtered();
    endResetModel();
}

void AreaListModel::setFilterText(const QString& text)
{
    const QByteArray needle = normalisedNeedle(text).toUtf8();
    m_text = text;
    if (needle == m_needle)
        return;
    m_needle = needle;
    refilter();
}

void AreaListModel::setPlanFilter(PlanFilter f)
{
    if (f == m_plan)
        return;
    m_plan = f;
    refilter();
}

void AreaListModel::setShowEnded(bool show)
{
    if (show == m_showEnded)
        return;
    m_showEnded = show;
    refilter();
}

void AreaListModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged();
    sortOrder();
    std::vector<char> shown(m_rows.size(), 0);
    for (const int i : m_visible)
        shown[size_t(i)] = 1;
    std::vector<int> next;
    next.reserve(m_visible.size());
    for (const int i : m_order)
        if (shown[size_t(i)])
            next.push_back(i);
    m_visible.swap(next);
    changePersistentIndexList(persistentIndexList(), QModelIndexList(persistentIndexList().size()));
    emit layoutChanged();
}

void AreaListModel::sortOrder()
{
    const int column = m_sortColumn;
    const auto& rows = m_rows;
    // The key starts "family given": byte order of the lower-case UTF-8 is name order.
    auto byName = [this](int a, int b) { return key(a) < key(b); };
    auto by = [&](auto field) {
        return [&rows, field, byName](int a, int b) {
            const auto ka = field(rows[size_t(a)]);
            const auto kb = field(rows[size_t(b)]);
            return ka != kb ? ka < kb : byName(a, b);
        };
    };
    switch (column) {
    case NhsNumber:
        // Ten ASCII digits: their bytes sort as the numbers do.
        std::sort(m_order.begin(), m_order.end(), by([this](const Row& r) { return nhsOf(r); }));
        break;
    case BirthDate:
        std::sort(m_order.begin(), m_order.end(), by([](const Row& r) { return r.birth; }));
        break;
    case Plan:
        std::sort(m_order.begin(), m_order.end(), by([](const Row& r) { return int(r.type); }));
        break;
    case Start:
        std::sort(m_order.begin(), m_order.end(), by([](const Row& r) { return r.start; }));
        break;
    case End:
        // Open plans after every ended one.
        std::sort(m_order.begin(), m_order.end(), by([](const Row& r) {
                      return r.end == 0 ? std::numeric_limits<qint32>::max() : r.end;
                  }));
        break;
    case Authority:
        std::sort(m_order.begin(), m_order.end(),
                  by([this](const Row& r) { return QStringView(m_shared.at(r.laName)); }));
        break;
    default:
        std::sort(m_order.begin(), m_order.end(), byName);
        break;
    }
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(m_order.begin(), m_order.end());
}

std::vector<AreaListRow> AreaListModel::visibleRows() const
{
    std::vector<AreaListRow> out;
    out.reserve(m_visible.size());
    for (const int i : m_visible) {
        const Row& r = m_rows[size_t(i)];
        AreaListRow a;
        a.nhsNumber = QString::fromUtf8(nhsOf(r));
        a.givenName = QString::fromUtf8(givenOf(r));
        a.familyName = QString::fromUtf8(familyOf(r));
        if (r.birth)
            a.birthDate = QDate::fromJulianDay(r.birth);
        a.gender = m_shared.at(r.gender);
        a.type = r.type;
        a.start = QDate::fromJulianDay(r.start);
        if (r.end)
            a.end = QDate::fromJulianDay(r.end);
        a.laCode = m_shared.at(r.laCode);
        a.laName = m_shared.at(r.laName);
        out.push_back(std::move(a));
    }
    return out;
}

int AreaListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int AreaListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AreaListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_visible.size()))
        return {};
    const Row& r = m_rows[size_t(m_visible[size_t(index.row())])];
    const bool ended = r.end != 0 && r.end < m_today;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return QString(QString::fromUtf8(familyOf(r)) + QStringLiteral(", ") +
                           QString::fromUtf8(givenOf(r)));
        case NhsNumber:
            return spaced(QString::fromUtf8(nhsOf(r)));
        case BirthDate:
            return date(r.birth);
        case Plan:
            return planTypeShortName(r.type);
        case Start:
            return date(r.start);
        case End:
            return r.end == 0 ? tr("open") : date(r.end);
        case Authority:
            return m_shared.at(r.laName);
        }
    } else if (role == Qt::ToolTipRole && index.column() == Name) {
        return data(index, Qt::DisplayRole); // the whole name, when the column elides it
    } else if (role == Qt::ToolTipRole && index.column() == Authority) {
        return QString(m_shared.at(r.laName) + QStringLiteral(" (") + m_shared.at(r.laCode) + u')');
    } else if (role == Qt::ToolTipRole && index.column() == Plan) {
        return ended ? tr("%1, ended").arg(planName(r.type)) : planName(r.type);
    } else if (role == Qt::ForegroundRole && ended) {
        return QVariant::fromValue(QColor(Qt::darkGray));
    } else if (role == Qt::AccessibleTextRole && index.column() == End && ended) {
        return tr("ended %1").arg(date(r.end));
    }
    return {};
}

QVariant AreaListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case NhsNumber:
        return tr("NHS number");
    case BirthDate:
        return tr("Born");
    case Plan:
        return tr("Plan");
    case Start:
        return tr("Start");
    case End:
        return tr("End");
    case Authority:
        return tr("Local authority");
    }
    return {};
}

} // namespace cpis::ui
