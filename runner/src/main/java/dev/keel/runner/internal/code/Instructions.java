package dev.keel.runner.internal.code;

import java.util.ArrayList;
import java.util.List;

/**
 * The instructions of a method's bytecode, decoded (JVM specification, chapter 6): each with its byte
 * offset, opcode and operands. Branch operands are absolute byte offsets; constant pool operands are
 * indexes, left for the reader to resolve.
 */
public final class Instructions {
    private Instructions() {}

    /**
     * One instruction.
     *
     * @param offset   its byte offset in the code
     * @param opcode   its opcode (for {@code wide}, the opcode it widens)
     * @param operands its operands in the order the specification gives them; branch targets as absolute
     *                 offsets; for the switches: default target, then (low, high, targets...) or
     *                 (key, target)...
     */
    public record Instruction(int offset, int opcode, int[] operands) {}

    static final int BIPUSH = 0x10, SIPUSH = 0x11, LDC = 0x12, LDC_W = 0x13, LDC2_W = 0x14, ILOAD = 0x15, ALOAD = 0x19,
            ISTORE = 0x36, ASTORE = 0x3a, IINC = 0x84, IFEQ = 0x99, JSR = 0xa8, RET = 0xa9, TABLESWITCH = 0xaa,
            LOOKUPSWITCH = 0xab, GETSTATIC = 0xb2, INVOKEVIRTUAL = 0xb6, INVOKESTATIC = 0xb8, INVOKEINTERFACE = 0xb9,
            INVOKEDYNAMIC = 0xba, NEW = 0xbb, NEWARRAY = 0xbc, ANEWARRAY = 0xbd, CHECKCAST = 0xc0, INSTANCEOF = 0xc1,
            WIDE = 0xc4, MULTIANEWARRAY = 0xc5, IFNULL = 0xc6, IFNONNULL = 0xc7, GOTO_W = 0xc8, JSR_W = 0xc9;

    /** Opcodes whose operand is a constant pool index (two bytes). */
    static boolean takesConstant(int opcode) {
        return opcode == LDC || opcode == LDC_W || opcode == LDC2_W || (opcode >= GETSTATIC && opcode <= INVOKEDYNAMIC)
                || opcode == NEW || opcode == ANEWARRAY || opcode == CHECKCAST || opcode == INSTANCEOF
                || opcode == MULTIANEWARRAY;
    }

    /** Opcodes whose operands (all of them, or all but the switch keys) are branch targets. */
    static boolean branches(int opcode) {
        return opcode >= IFEQ && opcode <= JSR || opcode == IFNULL || opcode == IFNONNULL || opcode == GOTO_W
                || opcode == JSR_W;
    }

    /**
     * Decodes {@code code}.
     *
     * @throws IllegalArgumentException when the bytes are not valid bytecode (an unknown opcode, or an
     *                                  instruction that runs past the end)
     */
    public static List<Instruction> decode(byte[] code) {
        var out = new ArrayList<Instruction>();
        int pc = 0;
        try {
            while (pc < code.length) {
                int start = pc;
                int op = u1(code, pc++);
                int[] operands;
                if (op <= 0x0f || op >= 0x1a && op <= 0x35 || op >= 0x3b && op <= 0x83 || op >= 0x85 && op <= 0x98
                        || op >= 0xac && op <= 0xb1 || op == 0xbe || op == 0xbf || op == 0xc2 || op == 0xc3) {
                    operands = new int[0];
                } else if (op == BIPUSH) {
                    operands = new int[] {code[pc++]};
                } else if (op == SIPUSH) {
                    operands = new int[] {s2(code, pc)};
                    pc += 2;
                } else if (op == LDC || op >= ILOAD && op <= ALOAD || op >= ISTORE && op <= ASTORE || op == RET
                        || op == NEWARRAY) {
                    operands = new int[] {u1(code, pc++)};
                } else if (op == IINC) {
                    operands = new int[] {u1(code, pc), code[pc + 1]};
                    pc += 2;
                } else if (op == LDC_W || op == LDC2_W || op >= GETSTATIC && op <= 0xb8 || op == NEW || op == ANEWARRAY
                        || op == CHECKCAST || op == INSTANCEOF) {
                    operands = new int[] {u2(code, pc)};
                    pc += 2;
                } else if (op == INVOKEINTERFACE) {
                    operands = new int[] {u2(code, pc), u1(code, pc + 2)};
                    pc += 4;
                } else if (op == INVOKEDYNAMIC) {
                    operands = new int[] {u2(code, pc)};
                    pc += 4;
                } else if (op == MULTIANEWARRAY) {
                    operands = new int[] {u2(code, pc), u1(code, pc + 2)};
                    pc += 3;
                } else if (op >= IFEQ && op <= JSR || op == IFNULL || op == IFNONNULL) {
                    operands = new int[] {start + s2(code, pc)};
                    pc += 2;
                } else if (op == GOTO_W || op == JSR_W) {
                    operands = new int[] {start + s4(code, pc)};
                    pc += 4;
                } else if (op == TABLESWITCH) {
                    pc = (pc + 3) & ~3;
                    int deflt = start + s4(code, pc);
                    int low = s4(code, pc + 4);
                    int high = s4(code, pc + 8);
                    pc += 12;
                    if (high < low) {
                        throw new IllegalArgumentException("tableswitch at " + start + " has high < low");
                    }
                    operands = new int[3 + high - low + 1];
                    operands[0] = deflt;
                    operands[1] = low;
                    operands[2] = high;
                    for (int i = 0; i <= high - low; i++, pc += 4) {
                        operands[3 + i] = start + s4(code, pc);
                    }
                } else if (op == LOOKUPSWITCH) {
                    pc = (pc + 3) & ~3;
                    int deflt = start + s4(code, pc);
                    int pairs = s4(code, pc + 4);
                    pc += 8;
                    if (pairs < 0) {
                        throw new IllegalArgumentException("lookupswitch at " + start + " has a negative count");
                    }
                    operands = new int[1 + 2 * pairs];
                    operands[0] = deflt;
                    for (int i = 0; i < pairs; i++, pc += 8) {
                        operands[1 + 2 * i] = s4(code, pc);
                        operands[2 + 2 * i] = start + s4(code, pc + 4);
                    }
                } else if (op == WIDE) {
                    op = u1(code, pc);
                    if (op == IINC) {
                        operands = new int[] {u2(code, pc + 1), s2(code, pc + 3)};
                        pc += 5;
                    } else if (op >= ILOAD && op <= ALOAD || op >= ISTORE && op <= ASTORE || op == RET) {
                        operands = new int[] {u2(code, pc + 1)};
                        pc += 3;
                    } else {
                        throw new IllegalArgumentException("wide before opcode " + op + " at " + start);
                    }
                } else {
                    throw new IllegalArgumentException("unknown opcode " + op + " at " + start);
                }
                if (pc > code.length) {
                    throw new IllegalArgumentException("the instruction at " + start + " runs past the end of the code");
                }
                out.add(new Instruction(start, op, operands));
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the instruction at " + pc + " runs past the end of the code", e);
        }
        return out;
    }

    private static int u1(byte[] code, int i) {
        return code[i] & 0xff;
    }

    private static int u2(byte[] code, int i) {
        return (code[i] & 0xff) << 8 | code[i + 1] & 0xff;
    }

    private static int s2(byte[] code, int i) {
        return (short) u2(code, i);
    }

    private static int s4(byte[] code, int i) {
        return u2(code, i) << 16 | u2(code, i + 2);
    }
}
