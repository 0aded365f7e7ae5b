#pragma once

#include "core/arealist/AreaList.h"
#include "core/arealist/AreaListService.h"
#include "core/domain/UserSession.h"

#include <QList>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace cpis {
class Clock;
}

namespace cpis::ui {

class AreaListModel;

// The school nurse's and health visitor's screen: pick an area, see its children on plans
// (sortable, type-ahead filter, plan-type filter, ended plans on request), bring it up to date
// (progress, cancel), export it as CSV. The list shown is always the last COMPLETE sync with
// its "as of"; a failed or cancelled sync says so above it and never empties it. A partial one
// (the service reported problems in its error files) is shown with those problems above it.
class AreaListView : public QWidget
{
    Q_OBJECT
public:
    AreaListView(AreaListService* service,
                 const UserSession& session,
                 const Clock* clock,
                 QWidget* parent = nullptr);
    ~AreaListView() override;

    // Tests and demos choose the CSV file without the dialog.
    void setSaveFileChooser(std::function<QString()> chooser) { m_chooseFile = std::move(chooser); }
    bool exportTo(const QString& path);

    AreaListModel* model() const { return m_model; }
    QString currentAreaId() const;
    void selectArea(const QString& areaId);
    void startSync();
    void setFilter(const QString& text); // as if typed

signals:
    void areasLoaded(int count);
    void listShown(int rows); // after the table was (re)filled from the store
    void exported(const QString& path, qint64 rows);

private:
    void loadAreas();
    void showArea();
    void showState();
    void showState(const AreaSyncState& s); // the current area's, already read
    void onProgress(const QString& text, qint64 done, qint64 total);
    void onFinished(const AreaListService::Outcome& o);
    void exportCsv();
    void updateCount();

    AreaListService* m_service;
    UserSession m_session;
    const Clock* m_clock;
    QList<AreaInfo> m_areas;
    std::function<QString()> m_chooseFile;

    QComboBox* m_area;
    QPushButton* m_sync;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_progressText;
    QLabel* m_state;
    QLabel* m_problems; // a partial list: what the service reported it could not send
    QLineEdit* m_filter;
    QComboBox* m_plan;
    QCheckBox* m_ended;
    QPushButton* m_export;
    QLabel* m_count;
    QTableView* m_table;
    AreaListModel* m_model;
};

} // namespace cpis::ui
