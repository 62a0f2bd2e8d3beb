package dev.keel.scan.internal;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The property a getter's name gives, as Hibernate reads it. */
class AccessRulesTest {
    @Test
    void getterNamesGiveTheirPropertyDecapitalizedUnlessTheSecondLetterIsUpperCase() {
        assertEquals(Optional.of("firstName"), AccessRules.propertyName("getFirstName"));
        assertEquals(Optional.of("active"), AccessRules.propertyName("isActive"));
        assertEquals(Optional.of("URL"), AccessRules.propertyName("getURL"));
        assertEquals(Optional.of("XCoordinate"), AccessRules.propertyName("getXCoordinate"));
        assertEquals(Optional.of("x"), AccessRules.propertyName("getX"));
        assertEquals(Optional.of("issue"), AccessRules.propertyName("getIssue"));
        assertEquals(Optional.of("sue"), AccessRules.propertyName("isSue"));
        assertEquals(Optional.empty(), AccessRules.propertyName("get"));
        assertEquals(Optional.empty(), AccessRules.propertyName("is"));
        assertEquals(Optional.empty(), AccessRules.propertyName("fetchName"));
    }
}
