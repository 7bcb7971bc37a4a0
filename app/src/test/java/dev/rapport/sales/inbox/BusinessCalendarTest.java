package dev.rapport.sales.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.shared.InvalidInputException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final BusinessCalendar WEEK =
      new BusinessCalendar(
          BERLIN,
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(17, 0));

  // 2026-12-04 is a Friday, 2026-12-07 a Monday
  static Instant berlin(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }

  @Test
  void anHourInsideOpeningHoursIsAnHour() {
    assertThat(WEEK.plus(berlin("2026-12-07T10:15"), 60)).isEqualTo(berlin("2026-12-07T11:15"));
  }

  @Test
  void aComplaintLateOnFridayIsDueOnMondayMorning() {
    assertThat(WEEK.plus(berlin("2026-12-04T16:45"), 30)).isEqualTo(berlin("2026-12-07T09:15"));
  }

  @Test
  void aPostOnSaturdayStartsItsClockOnMonday() {
    assertThat(WEEK.plus(berlin("2026-12-05T12:00"), 60)).isEqualTo(berlin("2026-12-07T10:00"));
  }

  @Test
  void beforeOpeningTheClockStartsAtOpeningAndAfterClosingTheNextDay() {
    assertThat(WEEK.plus(berlin("2026-12-08T06:00"), 30)).isEqualTo(berlin("2026-12-08T09:30"));
    assertThat(WEEK.plus(berlin("2026-12-08T19:00"), 30)).isEqualTo(berlin("2026-12-09T09:30"));
  }

  @Test
  void aDeadlineExactlyAtClosingStaysThatDay() {
    assertThat(WEEK.plus(berlin("2026-12-07T16:00"), 60)).isEqualTo(berlin("2026-12-07T17:00"));
  }

  @Test
  void manyDaysOfMinutesSkipBothWeekendDays() {
    // 8 h a day: 3 days and 1 h from Thursday 10:00 is Tuesday 11:00
    assertThat(WEEK.plus(berlin("2026-12-03T10:00"), 3 * 480 + 60))
        .isEqualTo(berlin("2026-12-08T11:00"));
  }

  @Test
  void minutesBetweenCountOnlyOpenTime() {
    assertThat(WEEK.minutesBetween(berlin("2026-12-04T16:30"), berlin("2026-12-07T09:20")))
        .isEqualTo(50);
    assertThat(WEEK.minutesBetween(berlin("2026-12-05T08:00"), berlin("2026-12-06T20:00")))
        .isZero();
    assertThat(WEEK.minutesBetween(berlin("2026-12-07T10:00"), berlin("2026-12-07T09:00")))
        .isZero();
  }

  @Test
  void plusAndMinutesBetweenAgree() {
    Instant from = berlin("2026-12-04T13:07");
    for (long m : new long[] {0, 1, 233, 480, 1000, 5000}) {
      assertThat(WEEK.minutesBetween(from, WEEK.plus(from, m))).isEqualTo(m);
    }
  }

  @Test
  void aCalendarWithoutDaysOrWithClosingBeforeOpeningIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                new BusinessCalendar(
                    BERLIN, EnumSet.noneOf(DayOfWeek.class), LocalTime.NOON, LocalTime.MIDNIGHT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("days");
    assertThatThrownBy(
            () ->
                new BusinessCalendar(
                    BERLIN, EnumSet.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.of(9, 0)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("closes");
  }
}
