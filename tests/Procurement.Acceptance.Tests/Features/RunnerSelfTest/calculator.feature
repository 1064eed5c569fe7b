Feature: Calculator
  The runner's self-test: every Gherkin construct the runner supports, exercised on a tiny calculator.

  Background:
    Given a calculator that is switched on
    And its clock reads 2025-03-01T09:30:00+01:00

  Scenario: Add two numbers
    Given I have entered 50
    And I have entered 70
    When I press add
    Then the result is 120
    And the display shows "120"

  Scenario Outline: Multiply <a> by <b>
    Given I have entered <a>
    And I have entered <b>
    When I press multiply
    Then the result is <product>

    Examples:
      | a   | b | product |
      | 3   | 4 | 12      |
      | 2.5 | 2 | 5.0     |

  Scenario: Sum a table of numbers
    Given I have entered these numbers:
      | number |
      | 1      |
      | 2      |
      | 3.5    |
    When I press add
    Then the result is 6.5
    But the display does not show "error"

  Scenario: Print the tape
    Given I have entered 2
    And I have entered 3
    When I press add
    Then the tape printed on 2025-03-01 reads:
      """
      2
      3
      + = 5
      """

  @wip
  Scenario: Divide by zero (not written yet, so skipped)
    Given I have entered 1
    When I divide by zero
    Then the display shows "error"
