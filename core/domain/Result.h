#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace cpis {

// Errors travel as values: nothing in core throws across the event loop.
// E is usually a small struct with a machine-readable code and a message for people.
template <typename T, typename E> class Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(E error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_state); }
    T& value() & { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    const E& error() const& { return std::get<1>(m_state); }

    const T* operator->() const { return &value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, E> m_state;
};

// A Result for operations with nothing to return but success.
template <typename E> class Status
{
public:
    Status() = default;
    Status(E error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const E& error() const { return *m_error; }

private:
    std::optional<E> m_error;
};

} // namespace cpis
