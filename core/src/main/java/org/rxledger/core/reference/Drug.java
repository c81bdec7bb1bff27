package org.rxledger.core.reference;

/**
 * A product from the drug file: the 11-digit billing NDC, the native FDA segmented form when known
 * (the 11-digit form cannot be converted back, DOMAIN.md §8.1), and what a clerk reads on a label.
 */
public record Drug(long id, String ndc, String ndcNative, String name, String strength, String form,
                   String packageSize, String unitOfMeasure, boolean brand) {

    public String label() {
        return name + " " + strength + " " + form;
    }
}
