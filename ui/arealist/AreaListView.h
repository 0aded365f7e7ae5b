#pragma once

#include "core/arealist/AreaList.h"
#include "core/arealist/AreaListService.h"
#include "core/domain/UserSession.h"
#include "core/store/ExportFile.h"

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

    // Tests and demos choose the CSV file without the dialog; the chooser is given the path the
    // dialog would suggest and returns the one chosen (empty: none).
    using SaveFileChooser = std::function<QString(const QString& suggested)>;
    void setSaveFileChooser(SaveFileChooser chooser) { m_chooseFile = std::move(chooser); }
    // The folder the export is first offered in (the administrator's); empty: Documents.
    void setExportFolder(const QString& folder) { m_exportFolder = folder; }
    // Where the export dialog opens and the name it suggests: the area and its as-of date.
    QString suggestedExportPath() const;
    // Refuses an existing file unless `existing` says the user confirmed replacing it; never
    // writes through a symbolic link; the file is readable by its owner only.
    bool exportTo(const QString& path,
                  ExportFile::Existing existing = ExportFile::Existing::Refuse);

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
    QString asOfText(const QDateTime& asOf) const;

    AreaListService* m_service;
    UserSession m_session;
    const Clock* m_clock;
    QList<AreaInfo> m_areas;
    SaveFileChooser m_chooseFile;
    QString m_exportFolder;

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
