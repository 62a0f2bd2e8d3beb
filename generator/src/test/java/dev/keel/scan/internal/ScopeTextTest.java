package dev.keel.scan.internal;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scope of a constant's field access, joined without the printer, is what the printer writes. */
class ScopeTextTest {
    @Test
    void joinedScopesAreThePrintedOnes() {
        for (String expr : new String[] {"Limits.NAME", "com.acme.Limits.NAME", "Outer.Inner.NAME", "a.b.c.d.e.F",
                "x().Y.NAME", "this.name", "Outer.this.name", "new Limits().NAME", "(Limits).NAME", "super.NAME",
                "Limits[0].NAME", "Lim\u00e9.NAME"}) {
            FieldAccessExpr f = StaticJavaParser.parseExpression(expr).asFieldAccessExpr();
            assertEquals(f.getScope().toString(), Values.scopeText(f.getScope()), expr);
        }
    }
}
