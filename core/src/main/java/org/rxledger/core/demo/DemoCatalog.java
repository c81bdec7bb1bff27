package org.rxledger.core.demo;

import java.util.List;

/**
 * Fixed word lists and product templates for {@link DemoOffice}. Everything here is fictitious: person
 * names are common given names and surnames combined at random, payer and brand names are invented,
 * and identifiers are generated with valid check digits but belong to no one.
 */
final class DemoCatalog {

    private DemoCatalog() {
    }

    static final List<String> FEMALE_NAMES = List.of("MARY", "PATRICIA", "JENNIFER", "LINDA", "ELIZABETH", "BARBARA",
            "SUSAN", "JESSICA", "SARAH", "KAREN", "LISA", "NANCY", "BETTY", "MARGARET", "SANDRA", "ASHLEY", "KIMBERLY",
            "EMILY", "DONNA", "MICHELLE", "CAROL", "AMANDA", "MELISSA", "DEBORAH", "STEPHANIE", "REBECCA", "SHARON",
            "LAURA", "CYNTHIA", "KATHLEEN", "AMY", "ANGELA", "SHIRLEY", "ANNA", "BRENDA", "PAMELA", "EMMA", "NICOLE",
            "HELEN", "SAMANTHA", "KATHERINE", "CHRISTINE", "DEBRA", "RACHEL", "CAROLYN", "JANET", "MARIA", "OLIVIA",
            "HEATHER", "DIANE", "JULIE", "JOYCE", "VICTORIA", "RUTH", "VIRGINIA", "LAUREN", "KELLY", "CHRISTINA");

    static final List<String> MALE_NAMES = List.of("JAMES", "ROBERT", "JOHN", "MICHAEL", "DAVID", "WILLIAM", "RICHARD",
            "JOSEPH", "THOMAS", "CHARLES", "CHRISTOPHER", "DANIEL", "MATTHEW", "ANTHONY", "MARK", "DONALD", "STEVEN",
            "PAUL", "ANDREW", "JOSHUA", "KENNETH", "KEVIN", "BRIAN", "GEORGE", "TIMOTHY", "RONALD", "EDWARD", "JASON",
            "JEFFREY", "RYAN", "JACOB", "GARY", "NICHOLAS", "ERIC", "JONATHAN", "STEPHEN", "LARRY", "JUSTIN", "SCOTT",
            "BRANDON", "BENJAMIN", "SAMUEL", "GREGORY", "ALEXANDER", "PATRICK", "FRANK", "RAYMOND", "JACK", "DENNIS",
            "JERRY", "TYLER", "AARON", "JOSE", "ADAM", "NATHAN", "HENRY", "DOUGLAS", "ZACHARY", "PETER");

    static final List<String> LAST_NAMES = List.of("SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER",
            "DAVIS", "RODRIGUEZ", "MARTINEZ", "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON", "THOMAS", "TAYLOR",
            "MOORE", "JACKSON", "MARTIN", "LEE", "PEREZ", "THOMPSON", "WHITE", "HARRIS", "SANCHEZ", "CLARK", "RAMIREZ",
            "LEWIS", "ROBINSON", "WALKER", "YOUNG", "ALLEN", "KING", "WRIGHT", "SCOTT", "TORRES", "NGUYEN", "HILL",
            "FLORES", "GREEN", "ADAMS", "NELSON", "BAKER", "HALL", "RIVERA", "CAMPBELL", "MITCHELL", "CARTER", "ROBERTS",
            "GOMEZ", "PHILLIPS", "EVANS", "TURNER", "DIAZ", "PARKER", "CRUZ", "EDWARDS", "COLLINS", "REYES", "STEWART",
            "MORRIS", "MORALES", "MURPHY", "COOK", "ROGERS", "GUTIERREZ", "ORTIZ", "MORGAN", "COOPER", "PETERSON",
            "BAILEY", "REED", "KELLY", "HOWARD", "RAMOS", "KIM", "COX", "WARD", "RICHARDSON", "WATSON", "BROOKS",
            "CHAVEZ", "WOOD", "JAMES", "BENNETT", "GRAY", "MENDOZA", "RUIZ", "HUGHES", "PRICE", "ALVAREZ", "CASTILLO",
            "SANDERS", "PATEL", "MYERS", "LONG", "ROSS", "FOSTER", "JIMENEZ");

    /** A fictitious PBM and its plans. */
    record PayerTemplate(String name, char authPrefix, List<PlanTemplate> plans) {
    }

    /**
     * A plan route and its benefit: a copay per tier, or coinsurance (percent of allowed); contract pricing
     * as a fraction of submitted ingredient cost (generic MAC / brand AWP − x%) plus a dispensing fee paid.
     * {@code deductiblePercent} is the share of claims where the patient is still in the deductible and pays
     * the whole allowed amount.
     */
    record PlanTemplate(String name, String bin, String pcn, String groupId, String cardPrefix, String genericCopay,
                        String brandCopay, int coinsurancePercent, int deductiblePercent, int genericFactorMin,
                        int genericFactorMax, int brandFactorMin, int brandFactorMax, String feePaid, int weight) {
    }

    static final List<PayerTemplate> PAYERS = List.of(
            new PayerTemplate("ACME RX SOLUTIONS", 'A', List.of(
                    new PlanTemplate("ACME COMMERCIAL", "800100", "ACMERX", "ACM1001", "ACX", "10.00", "35.00", 0, 0, 45, 75, 82, 85, "1.25", 18),
                    new PlanTemplate("ACME MEDICARE PART D", "800100", "ACMEPD", "ACMPD01", "ACD", "5.00", "45.00", 0, 5, 40, 70, 83, 86, "0.75", 14))),
            new PayerTemplate("BLUE HARBOR PHARMACY BENEFITS", 'B', List.of(
                    new PlanTemplate("BLUE HARBOR PPO", "810220", "BHRX", "BH44120", "BHP", null, null, 20, 0, 50, 80, 82, 84, "1.50", 14),
                    new PlanTemplate("BLUE HARBOR HMO", "810220", "BHRX", "BH44300", "BHH", "15.00", "40.00", 0, 0, 50, 75, 82, 85, "1.00", 10))),
            new PayerTemplate("SUMMIT SCRIPT SERVICES", 'S', List.of(
                    new PlanTemplate("SUMMIT EMPLOYER PLAN", "820331", "SSRX01", "SUM7781", "SUM", "10.00", "30.00", 0, 0, 48, 78, 83, 86, "1.10", 14),
                    new PlanTemplate("SUMMIT MEDICAID MANAGED CARE", "820331", "SSMCD", "SMC0001", "SMC", "1.00", "3.00", 0, 0, 40, 65, 85, 88, "1.75", 10))),
            new PayerTemplate("NORTHWIND PBM", 'N', List.of(
                    new PlanTemplate("NORTHWIND STANDARD", "830442", "NWPBM", "NW10050", "NWS", null, null, 25, 0, 45, 75, 82, 85, "0.90", 12),
                    new PlanTemplate("NORTHWIND HSA", "830442", "NWPBM", "NW20HSA", "NWH", null, null, 30, 25, 45, 75, 82, 85, "0.90", 8))));

    /**
     * A product line: strengths × package sizes become drug-file rows. {@code unitCostMin/Max} is the
     * submitted ingredient cost per unit in ten-thousandths of a dollar; {@code perDay} is units a day for
     * solid forms; for fixed-quantity products ({@code fixedQuantity} not null) one fill is that quantity
     * lasting {@code fixedDays}. {@code acute} products are filled once (no refills).
     */
    record ProductTemplate(String name, List<String> strengths, String form, String uom, List<String> packages,
                           boolean brand, int unitCostMin, int unitCostMax, int perDay, String fixedQuantity,
                           int fixedDays, boolean acute, int weight) {
    }

    private static ProductTemplate tab(String name, String form, int perDay, int costMin, int costMax, String... strengths) {
        return new ProductTemplate(name, List.of(strengths), form, "EA", List.of("90", "500"), false, costMin, costMax, perDay, null, 0, false, 10);
    }

    private static ProductTemplate brand(String name, String form, int perDay, int costMin, int costMax, String... strengths) {
        return new ProductTemplate(name, List.of(strengths), form, "EA", List.of("30", "90"), true, costMin, costMax, perDay, null, 0, false, 6);
    }

    static final List<ProductTemplate> PRODUCTS = List.of(
            tab("ATORVASTATIN CALCIUM", "TABLET", 1, 800, 4000, "10 MG", "20 MG", "40 MG", "80 MG"),
            tab("LISINOPRIL", "TABLET", 1, 600, 2500, "5 MG", "10 MG", "20 MG", "40 MG"),
            tab("METFORMIN HCL", "TABLET", 2, 500, 2000, "500 MG", "850 MG", "1000 MG"),
            tab("AMLODIPINE BESYLATE", "TABLET", 1, 500, 2200, "2.5 MG", "5 MG", "10 MG"),
            tab("LEVOTHYROXINE SODIUM", "TABLET", 1, 1500, 6000, "25 MCG", "50 MCG", "75 MCG", "100 MCG", "125 MCG"),
            tab("OMEPRAZOLE", "CAPSULE DR", 1, 1200, 5000, "20 MG", "40 MG"),
            tab("SIMVASTATIN", "TABLET", 1, 600, 2500, "10 MG", "20 MG", "40 MG"),
            tab("LOSARTAN POTASSIUM", "TABLET", 1, 900, 4500, "25 MG", "50 MG", "100 MG"),
            tab("SERTRALINE HCL", "TABLET", 1, 900, 4000, "25 MG", "50 MG", "100 MG"),
            tab("GABAPENTIN", "CAPSULE", 3, 700, 3500, "100 MG", "300 MG", "600 MG"),
            tab("HYDROCHLOROTHIAZIDE", "TABLET", 1, 400, 1500, "12.5 MG", "25 MG"),
            tab("METOPROLOL SUCCINATE ER", "TABLET ER", 1, 1500, 7000, "25 MG", "50 MG", "100 MG"),
            tab("ESCITALOPRAM OXALATE", "TABLET", 1, 900, 5000, "10 MG", "20 MG"),
            tab("MONTELUKAST SODIUM", "TABLET", 1, 1200, 6000, "10 MG"),
            tab("ROSUVASTATIN CALCIUM", "TABLET", 1, 1500, 8000, "5 MG", "10 MG", "20 MG"),
            tab("PANTOPRAZOLE SODIUM", "TABLET DR", 1, 1200, 5000, "20 MG", "40 MG"),
            tab("TAMSULOSIN HCL", "CAPSULE", 1, 1200, 5000, "0.4 MG"),
            tab("FLUOXETINE HCL", "CAPSULE", 1, 800, 4000, "20 MG", "40 MG"),
            tab("PRAVASTATIN SODIUM", "TABLET", 1, 900, 4500, "20 MG", "40 MG"),
            tab("CARVEDILOL", "TABLET", 2, 600, 2500, "6.25 MG", "12.5 MG", "25 MG"),
            tab("CLOPIDOGREL", "TABLET", 1, 1000, 5000, "75 MG"),
            new ProductTemplate("AMOXICILLIN", List.of("500 MG"), "CAPSULE", "EA", List.of("100"), false, 800, 2000, 3, "30", 10, true, 8),
            new ProductTemplate("AMOXICILLIN", List.of("400 MG/5 ML"), "SUSPENSION", "ML", List.of("100 ML"), false, 1000, 2500, 0, "100", 10, true, 4),
            new ProductTemplate("AZITHROMYCIN", List.of("250 MG"), "TABLET", "EA", List.of("30"), false, 6000, 15000, 0, "6", 5, true, 6),
            new ProductTemplate("CEPHALEXIN", List.of("500 MG"), "CAPSULE", "EA", List.of("100"), false, 1500, 4000, 4, "28", 7, true, 4),
            new ProductTemplate("PREDNISONE", List.of("20 MG"), "TABLET", "EA", List.of("100"), false, 500, 2000, 0, "10", 5, true, 4),
            new ProductTemplate("ALBUTEROL SULFATE HFA", List.of("90 MCG/ACT"), "INHALER", "GM", List.of("8.5 GM"), false, 30000, 60000, 0, "8.5", 25, false, 6),
            new ProductTemplate("FLUTICASONE PROPIONATE", List.of("50 MCG/ACT"), "NASAL SPRAY", "GM", List.of("16 GM"), false, 10000, 20000, 0, "16", 30, false, 5),
            new ProductTemplate("LATANOPROST", List.of("0.005%"), "EYE DROPS", "ML", List.of("2.5 ML"), false, 40000, 90000, 0, "2.5", 25, false, 4),
            new ProductTemplate("TRIAMCINOLONE ACETONIDE", List.of("0.1%"), "CREAM", "GM", List.of("30 GM", "80 GM"), false, 2000, 5000, 0, "30", 15, false, 4),
            new ProductTemplate("INSULIN GLARGINE", List.of("100 UNIT/ML"), "PEN INJECTOR", "ML", List.of("15 ML"), true, 250000, 320000, 0, "15", 30, false, 4),
            brand("CARDIVEXA", "TABLET", 1, 120000, 180000, "10 MG", "20 MG"),
            brand("GLUCOREX XR", "TABLET ER", 1, 150000, 220000, "500 MG", "1000 MG"),
            brand("NEUROVANCE", "CAPSULE", 2, 90000, 140000, "75 MG", "150 MG"),
            brand("ZENTROLIX", "TABLET", 1, 140000, 250000, "5 MG", "10 MG"),
            brand("ANTICLOTIX", "TABLET", 2, 160000, 260000, "2.5 MG", "5 MG"),
            brand("LIPOREXA", "TABLET", 1, 100000, 160000, "10 MG", "40 MG"),
            brand("THYRANOVA", "TABLET", 1, 60000, 90000, "50 MCG", "100 MCG"),
            brand("SERAFLEX", "TABLET", 1, 110000, 170000, "50 MG", "100 MG"));

    /** Fictitious labelers with their FDA segment layout (DOMAIN.md §8.1): 4-4-2, 5-3-2 or 5-4-1. */
    record Labeler(String code, String layout) {
    }

    static final List<Labeler> LABELERS = List.of(
            new Labeler("0731", "4-4-2"), new Labeler("0955", "4-4-2"), new Labeler("1203", "4-4-2"),
            new Labeler("61742", "5-3-2"), new Labeler("68830", "5-3-2"), new Labeler("70411", "5-3-2"),
            new Labeler("59123", "5-4-1"), new Labeler("64402", "5-4-1"), new Labeler("72510", "5-4-1"),
            new Labeler("50871", "5-3-2"), new Labeler("0394", "4-4-2"), new Labeler("66215", "5-4-1"));

    /** Reject scenarios a billing office works (DOMAIN.md §1.10), with a weight; all codes are in the code table. */
    record RejectScenario(List<String> codes, boolean refillOnly, int weight) {
    }

    static final List<RejectScenario> REJECTS = List.of(
            new RejectScenario(List.of("79"), true, 30),
            new RejectScenario(List.of("75"), false, 14),
            new RejectScenario(List.of("70", "MR"), false, 8),
            new RejectScenario(List.of("MR"), false, 6),
            new RejectScenario(List.of("76"), false, 8),
            new RejectScenario(List.of("88"), false, 8),
            new RejectScenario(List.of("65"), false, 5),
            new RejectScenario(List.of("69", "41"), false, 4),
            new RejectScenario(List.of("07", "52"), false, 5),
            new RejectScenario(List.of("19", "AG", "7X"), false, 4),
            new RejectScenario(List.of("608"), false, 3),
            new RejectScenario(List.of("25", "56"), false, 3),
            new RejectScenario(List.of("22"), false, 2));
}
