#pragma once

#include "core/notices/NoticeService.h"

#include <QMap>
#include <QPointer>
#include <QSet>
#include <QWidget>

#include <memory>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabBar;
class QTableView;

namespace cpis {
class Clock;
} // namespace cpis

namespace cpis::ui {

class DateFilterEdit;
class DesktopNotifier;
class NoticeFilterModel;
class NoticeModel;

// The social worker's screen: the local authority's attendance notices, new and acknowledged,
// filtered by child, date and site, with a detail pane and Acknowledge (Ctrl+K). It owns the
// sign-in's NoticeService, so polling stops and the notices leave memory when the main window
// destroys the screen at lock or sign-out.
//
// Opening a notice is a view of a child's record (audited), so it is always the user's act:
// Enter or a double-click on the selected row. Moving through the list, or tabbing into it,
// only selects. Notices that arrive while the screen is open are marked until opened; when
// the desktop could not show the alert, the window title and the New tab carry it instead.
class NoticesView : public QWidget
{
    Q_OBJECT
public:
    // `notifier` may be null: no desktop notifications.
    NoticesView(std::unique_ptr<NoticeService> service,
                DesktopNotifier* notifier,
                const Clock& clock,
                QWidget* parent = nullptr);
    ~NoticesView() override;

    NoticeService& service() const { return *m_service; }
    NoticeModel* model() const { return m_model; }
    NoticeFilterModel* filter() const { return m_filter; }
    QString detailText() const; // what the detail pane shows, one field a line
    QString openedKey() const { return m_openedKey; } // NoticeModel::keyOf; empty: none open

signals:
    void noticesShown(); // the table was (re)loaded from the store

private:
    void reload();
    void showChecked();
    void onNewNotices(int count);
    void onCurrentChanged();
    void onFiltersChanged();
    void open(const QModelIndex& index);
    void closeDetail();
    void showDetail(const AttendanceNotice* notice);
    void acknowledgeOpened();
    void onAcknowledged(const QString& messageId, const QString& error);
    void applyDates();
    void rebuildSites();
    void updateTabs();
    void updateAlert();
    void say(const QString& text);
    QString describe(const AttendanceNotice& notice) const;
    const AttendanceNotice* noticeAt(const QModelIndex& index) const;
    const AttendanceNotice* currentNotice() const;
    const AttendanceNotice* openedNotice() const;

    std::unique_ptr<NoticeService> m_service;
    DesktopNotifier* m_notifier;
    const Clock& m_clock;
    NoticeModel* m_model = nullptr;
    NoticeFilterModel* m_filter = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_check = nullptr;
    QProgressBar* m_download = nullptr;
    QPushButton* m_cancelDownload = nullptr;
    QTabBar* m_tabs = nullptr;
    QLineEdit* m_child = nullptr;
    DateFilterEdit* m_from = nullptr;
    DateFilterEdit* m_to = nullptr;
    QLabel* m_filterProblem = nullptr;
    QComboBox* m_site = nullptr;
    QTableView* m_table = nullptr;
    QWidget* m_detail = nullptr;
    QLabel* m_openHint = nullptr;
    QList<QLabel*> m_detailValues;
    QPushButton* m_acknowledge = nullptr;
    QLabel* m_action = nullptr;

    QString m_openedKey;               // the notice the detail pane shows
    bool m_reloading = false;          // the model is being refilled: selection moves mean nothing
    bool m_loaded = false;             // the first load is what was held, not what arrived
    QSet<QString> m_known;             // every notice of the last load
    QSet<QString> m_fresh;             // arrived while the screen was open, not yet opened
    bool m_alertInWindow = false;      // the desktop did not take the last alert
    QPointer<QWidget> m_titled;        // the window whose title carries the alert
    QString m_plainTitle;              // its title without it
    QMap<QString, QString> m_ackNames; // message id -> the notice as the list showed it
};

} // namespace cpis::ui
