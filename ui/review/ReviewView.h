#pragma once

#include "core/domain/UserSession.h"
#include "core/review/ReviewService.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace cpis {
class Clock;
}

namespace cpis::ui {

class ReviewQueueModel;

// The safeguarding lead's screen: the queue of CP-IS positives raised at their site, each
// given a status (to review, referred, no further action) and a note from the keyboard, and a
// chart of positives per day over 30 days. Made for one session and destroyed at lock.
class ReviewView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDays = 30;

    ReviewView(ReviewService* service,
               const Clock* clock,
               const UserSession& session,
               QWidget* parent = nullptr);
    ~ReviewView() override;

    QTableView* queue() const { return m_table; }
    ReviewQueueModel* model() const { return m_model; }
    QComboBox* filter() const { return m_filter; }
    QComboBox* planFilter() const { return m_planFilter; }
    QComboBox* statusEdit() const { return m_status; }
    QLineEdit* noteEdit() const { return m_note; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* refreshButton() const { return m_refresh; }
    QChartView* chart() const { return m_chart; }
    QLabel* refreshedLabel() const { return m_refreshed; }
    QLabel* problemLabel() const { return m_problem; }
    QLabel* savedLabel() const { return m_saved; }
    QLabel* editingLabel() const { return m_editing; }

public slots:
    void refresh(); // reads the feed again (F5)
    void save();    // stores the status and note of the selected positive (Ctrl+S)

protected:
    void showEvent(QShowEvent* event) override; // the queue is read again each time it is opened

signals:
    void refreshFinished(bool ok);
    void saved(bool ok);

private:
    void reload(); // from the store: queue, chart, last refreshed
    void showSelected();
    void showProblem(const QString& text);
    void updateChart();
    QString selectedId() const;
    void showUnavailable(const ReviewService::Error& error);
    void showQueue(bool shown);

    ReviewService* m_service;
    const Clock* m_clock;
    UserSession m_session;
    ReviewQueueModel* m_model = nullptr;
    QLabel* m_refreshed = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_refresh = nullptr;
    QComboBox* m_filter = nullptr;
    QComboBox* m_planFilter = nullptr;
    QTableView* m_table = nullptr;
    QComboBox* m_status = nullptr;
    QLineEdit* m_note = nullptr;
    QPushButton* m_save = nullptr;
    QChartView* m_chart = nullptr;
    QLabel* m_saved = nullptr;
    QLabel* m_editing = nullptr;
    bool m_refreshing = false;
};

} // namespace cpis::ui
