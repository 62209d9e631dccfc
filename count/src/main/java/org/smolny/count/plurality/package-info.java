/** Single-round methods: plurality (and SNTV), block vote, approval. */
package org.smolny.count.plurality;
