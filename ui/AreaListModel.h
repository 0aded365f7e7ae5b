#pragma once

#include "AreaList.h"

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
    void append(AreaListRow&& row);
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
    struct Row
    {
        QString nhs;
        QString given;
        QString family;
        QString gender;
        QString laCode;
        QString laName;
        qint32 birth = 0; // Julian day; 0: not known
        qint32 start = 0;
        qint32 end = 0; // 0: no end
        PlanType type = PlanType::ChildProtection;
    };

    bool passesFlags(int row) const;
    void refilter();
    void appendKey(const Row& r);
    void sortOrder();
    std::vector<int> filtered() const;
    QByteArrayView key(int row) const;
    static QString normalisedNeedle(const QString& text);

    std::vector<Row> m_rows;
    QByteArray m_keys;                // every row's key, each followed by '\n'
    std::vector<int> m_keyStart;      // where row i's key starts in m_keys (size rows + 1)
    std::vector<quint8> m_flags;      // per row: plan type (bits 0-1), ended (bit 2)
    QHash<QString, QString> m_shared; // one copy of each repeated text (LA names, genders)
    std::vector<int> m_order;         // every row, sorted
    std::vector<int> m_visible;       // the rows shown, in m_order's order
    qint32 m_today = 0;
    QString m_text;
    QByteArray m_needle;
    PlanFilter m_plan = PlanFilter::All;
    bool m_showEnded = false;
    int m_sortColumn = Name;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace cpis::ui
