#include "AreaListModel.h"

#include "DisplayFormat.h"

#include <QColor>
#include <QHash>

#include <algorithm>
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

void AreaListModel::setRows(std::vector<AreaListRow> rows, const QDate& today)
{
    beginResetModel();
    m_today = qint32(today.toJulianDay());
    m_rows.clear();
    m_rows.reserve(rows.size());
    // Local authority names repeat; one shared copy each.
    QHash<QString, QString> names;
    for (AreaListRow& in : rows) {
        Row r;
        r.nhs = std::move(in.nhsNumber);
        r.given = std::move(in.givenName);
        r.family = std::move(in.familyName);
        r.gender = std::move(in.gender);
        r.laCode = *names.insert(in.laCode, in.laCode);
        auto la = names.constFind(in.laName);
        r.laName = la != names.constEnd() ? *la : *names.insert(in.laName, in.laName);
        r.key = (r.family + u' ' + r.given + u' ' + r.nhs).toLower();
        r.sortName = (r.family + u'\t' + r.given).toLower();
        r.birth = in.birthDate ? qint32(in.birthDate->toJulianDay()) : 0;
        r.start = qint32(in.start.toJulianDay());
        r.end = in.end ? qint32(in.end->toJulianDay()) : 0;
        r.type = in.type;
        m_rows.push_back(std::move(r));
    }
    rows.clear();
    m_order.resize(m_rows.size());
    for (size_t i = 0; i < m_order.size(); ++i)
        m_order[i] = int(i);
    endResetModel();
    sort(m_sortColumn, m_sortOrder);
}

void AreaListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_order.clear();
    m_visible.clear();
    endResetModel();
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

bool AreaListModel::passes(const Row& r, const QString& needle) const
{
    if (!m_showEnded && r.end != 0 && r.end < m_today)
        return false;
    switch (m_plan) {
    case PlanFilter::All:
        break;
    case PlanFilter::ChildProtection:
        if (r.type != PlanType::ChildProtection)
            return false;
        break;
    case PlanFilter::LookedAfter:
        if (r.type != PlanType::LookedAfter)
            return false;
        break;
    case PlanFilter::UnbornChildProtection:
        if (r.type != PlanType::UnbornChildProtection)
            return false;
        break;
    }
    return needle.isEmpty() || r.key.contains(needle);
}

void AreaListModel::refilter(bool narrowing)
{
    beginResetModel();
    std::vector<int> next;
    const std::vector<int>& from = narrowing ? m_visible : m_order;
    next.reserve(from.size());
    for (const int i : from)
        if (passes(m_rows[size_t(i)], m_needle))
            next.push_back(i);
    m_visible.swap(next);
    endResetModel();
}

void AreaListModel::setFilterText(const QString& text)
{
    const QString needle = normalisedNeedle(text);
    m_text = text;
    if (needle == m_needle)
        return;
    const bool narrowing = needle.contains(m_needle);
    m_needle = needle;
    refilter(narrowing);
}

void AreaListModel::setPlanFilter(PlanFilter f)
{
    if (f == m_plan)
        return;
    const bool narrowing = m_plan == PlanFilter::All;
    m_plan = f;
    refilter(narrowing);
}

void AreaListModel::setShowEnded(bool show)
{
    if (show == m_showEnded)
        return;
    m_showEnded = show;
    refilter(!show);
}

void AreaListModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    const auto& rows = m_rows;
    auto byName = [&rows](int a, int b) {
        const int c = rows[size_t(a)].sortName.compare(rows[size_t(b)].sortName);
        return c != 0 ? c < 0 : rows[size_t(a)].nhs < rows[size_t(b)].nhs;
    };
    auto by = [&](auto key) {
        return [&rows, key, byName](int a, int b) {
            const auto ka = key(rows[size_t(a)]);
            const auto kb = key(rows[size_t(b)]);
            return ka != kb ? ka < kb : byName(a, b);
        };
    };
    emit layoutAboutToBeChanged();
    switch (column) {
    case NhsNumber:
        std::sort(m_order.begin(), m_order.end(), by([](const Row& r) { return r.nhs; }));
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
        std::sort(m_order.begin(), m_order.end(), by([](const Row& r) { return r.laName; }));
        break;
    default:
        std::sort(m_order.begin(), m_order.end(), byName);
        break;
    }
    if (order == Qt::DescendingOrder)
        std::reverse(m_order.begin(), m_order.end());
    std::vector<int> next;
    next.reserve(m_visible.size());
    for (const int i : m_order)
        if (passes(m_rows[size_t(i)], m_needle))
            next.push_back(i);
    m_visible.swap(next);
    changePersistentIndexList(persistentIndexList(), QModelIndexList(persistentIndexList().size()));
    emit layoutChanged();
}

std::vector<AreaListRow> AreaListModel::visibleRows() const
{
    std::vector<AreaListRow> out;
    out.reserve(m_visible.size());
    for (const int i : m_visible) {
        const Row& r = m_rows[size_t(i)];
        AreaListRow a;
        a.nhsNumber = r.nhs;
        a.givenName = r.given;
        a.familyName = r.family;
        if (r.birth)
            a.birthDate = QDate::fromJulianDay(r.birth);
        a.gender = r.gender;
        a.type = r.type;
        a.start = QDate::fromJulianDay(r.start);
        if (r.end)
            a.end = QDate::fromJulianDay(r.end);
        a.laCode = r.laCode;
        a.laName = r.laName;
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
            return QString(r.family + QStringLiteral(", ") + r.given);
        case NhsNumber:
            return spaced(r.nhs);
        case BirthDate:
            return date(r.birth);
        case Plan:
            return planTypeShortName(r.type);
        case Start:
            return date(r.start);
        case End:
            return r.end == 0 ? tr("open") : date(r.end);
        case Authority:
            return r.laName;
        }
    } else if (role == Qt::ToolTipRole && index.column() == Authority) {
        return r.laCode;
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
