#pragma once

#include "core/notices/NoticeService.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QDateEdit;
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

class DesktopNotifier;
class NoticeFilterModel;
class NoticeModel;

// The social worker's screen: the local authority's attendance notices, new and acknowledged,
// filtered by child, date and site, with a detail pane and Acknowledge (Ctrl+K). It owns the
// sign-in's NoticeService, so polling stops and the notices leave memory when the main window
// destroys the screen at lock or sign-out.
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

signals:
    void noticesShown(); // the table was (re)loaded from the store

private:
    void reload();
    void showChecked();
    void onNewNotices(int count);
    void onCurrentChanged();
    void showDetail(const AttendanceNotice* notice);
    void acknowledgeCurrent();
    void onAcknowledged(const QString& messageId, const QString& error);
    void applyDates();
    void rebuildSites();
    void updateTabs();
    const AttendanceNotice* currentNotice() const;

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
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_site = nullptr;
    QTableView* m_table = nullptr;
    QWidget* m_detail = nullptr;
    QList<QLabel*> m_detailValues;
    QPushButton* m_acknowledge = nullptr;
    QLabel* m_action = nullptr;
};

} // namespace cpis::ui
