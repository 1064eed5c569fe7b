Feature: A region's pay scale sets the pay floors of its tenders, and the panel reads who pays under it
  The pay of social workers is guided per region and per year (DOMAIN.md §12, 四岗十二档: four posts, three grades each).
  The administrator keeps the region's scale; a tender of the region for that year's services holds each post to at least
  its lowest grade (DOMAIN.md §5, personnel first). A bid planning a worker under the floor is flagged abnormally low and
  must carry an explanation, which the panel reads beside the flag. Everything is done through the public entry only, and
  the services hand the tender and the bids to each other by their own events.

  Scenario: A bid paying assistant social workers under the region's scale reaches the panel flagged, with its explanation
    Given the administrator has kept the pay scale of the region "Scale County" for the year in which the services of a tender with bids due in 11 days start, assistant social workers from 6500.00 yuan a month
    And the chain purchaser has published the competitive consultation "Family work, Street S" in the region "Scale County" with bids due in 11 days at 17:00, setting no pay floor of its own
    And the agencies "agency1", "agency2" and "agency3" have each found "Family work, Street S" open for bids in the chain
    Then the published tender "Family work, Street S" holds assistant social workers to at least 6500.00 yuan a month
    When the chain agencies submit sealed bids on "Family work, Street S":
      | agency  | price     | assistant pay | explanation                                             |
      | agency1 | 400000.00 | 6000.00       | 两名助理社工为本机构储备人才，差额由机构自有资金补足。  |
      | agency2 | 420000.00 | 6500.00       |                                                         |
      | agency3 | 450000.00 | 7000.00       |                                                         |
    And the bid deadline of the chain tender "Family work, Street S" passes
    Then the opened bids on "Family work, Street S" have reached the panel's evaluation with the same bid ids and prices
    When the purchaser draws the chain panel of 3 for "Family work, Street S", sitting on it as the purchaser's representative
    Then the panel reads the bid of "agency1" on "Family work, Street S" flagged abnormally low for each of its two assistants paid below the floor, with its explanation
    And the panel reads the bids of "agency2" and "agency3" on "Family work, Street S" unflagged
