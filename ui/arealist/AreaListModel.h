#pragma once

#include "core/arealist/AreaList.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace cpis::ui {

// An area list as a table, one row per plan, with its own sorting and filtering. A
// QSortFilterProxyModel over 150,000 rows re-runs a virtual filter call per row and compares
// strings locale-aware on every sort: too slow for a keystroke. Here every row's lower-case
// search key ("family given nhs", UTF-8) is made once into one contiguous buffer, so a keystroke
// is one memmem() pass over a few megabytes plus a walk of the kept sort order over compact
// per-row flags.
class AreaListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        NhsNumber,
        BirthDate,
        Plan,
        Start,
        End,
        Authority,
        ColumnCount
    };
    enum class PlanFilter
    {
        All,
        ChildProtection,
        LookedAfter,
        UnbornChildProtection,
    };

    explicit AreaListModel(QObject* parent = nullptr);

    // Loading: beginLoad, append each row, endLoad. `expected` (the store's plan count) sizes
    // the buffers once instead of growing them row by row.
    void beginLoad(const QDate& today, qsizetype expected = 0);
    void append(const AreaListRowView& row);
    void endLoad();
    void clear();
    void setFilterText(const QString& text);
    void setPlanFilter(PlanFilter f);
    void setShowEnded(bool show);
    QString filterText() const { return m_text; }
    bool showEnded() const { return m_showEnded; }

    int totalRows() const { return int(m_rows.size()); }
    std::vector<AreaListRow> visibleRows() const; // in the shown order

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    // A row holds no strings of its own: its texts are UTF-8 in m_names, and the few values that
    // repeat on every row (gender, authority code and name) are indexes into m_shared. A QString
    // per field made 150,000 rows cost a million allocations to load.
    struct Row
    {
        quint32 names = 0; // "nhs" "given" "family" start here in m_names, back to back
        quint32 nhsLen = 0;
        quint32 givenLen = 0;
        quint32 familyLen = 0;
        quint32 gender = 0; // index into m_shared
        quint32 laCode = 0;
        quint32 laName = 0;
        qint32 birth = 0; // Julian day; 0: not known
        qint32 start = 0;
        qint32 end = 0; // 0: no end
        PlanType type = PlanType::ChildProtection;
    };

    QByteArrayView nhsOf(const Row& r) const;
    QByteArrayView givenOf(const Row& r) const;
    QByteArrayView familyOf(const Row& r) const;
    quint32 shared(QByteArrayView text);
    bool passesFlags(int row) const;
    void refilter();
    void appendKey(const AreaListRowView& r);
    void sortOrder();
    std::vector<int> filtered() const;
    QByteArrayView key(int row) const;
    static QString normalisedNeedle(const QString& text);

    std::vector<Row> m_rows;
    QByteArray m_names;                    // every row's NHS number, given and family name
    QByteArray m_keys;                     // every row's key, each followed by '\n'
    std::vector<int> m_keyStart;           // where row i's key starts in m_keys (size rows + 1)
    std::vector<quint8> m_flags;           // per row: plan type (bits 0-1), ended (bit 2)
    QList<QString> m_shared;               // each repeated text once (genders, LA codes and names)
    QHash<QByteArray, quint32> m_sharedAt; // its UTF-8 to its index in m_shared
    std::vector<int> m_order;              // every row, sorted
    std::vector<int> m_visible;            // the rows shown, in m_order's order
    qint32 m_today = 0;
    QString m_text;
    QByteArray m_needle;
    PlanFilter m_plan = PlanFilter::All;
    bool m_showEnded = false;
    int m_sortColumn = Name;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace cpis::ui
